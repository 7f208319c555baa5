import { parseArgs, type ParseArgsConfig } from 'node:util';
import { joinNegativeOptionValues } from './negative-option-values';
import { UsageError } from './usage-error';
import type { OptionValues } from './option-values';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** Usage text printed by `<program> <command> --help`. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Whether positional arguments are accepted (default: no). */
  allowPositionals?: boolean;
  run(values: OptionValues, positionals: string[], io: CliIo): Promise<void> | void;
}

export interface CliProgram {
  name: string;
  summary: string;
  commands: CommandSpec[];
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** `tethys-x ... | head` closes stdout early: that is the reader's choice, not an error. */
function exitQuietlyOnBrokenPipe(): void {
  if (process.stdout.listenerCount('error') > 0) return;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

function programHelp(program: CliProgram): string {
  const width = Math.max(...program.commands.map((c) => c.name.length));
  const lines = program.commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `${program.name}: ${program.summary}\n\nUsage: ${program.name} <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "${program.name} <command> --help" for a command's options.\n`;
}

/**
 * Runs one subcommand and returns the process exit code: 0 on success, 2 for
 * bad usage, 1 for any other error. Every failure is one line on stderr
 * (`<program>: <reason>`); TETHYS_DEBUG=1 adds the stack trace.
 */
export async function runCli(program: CliProgram, argv: string[], io: CliIo = processIo): Promise<number> {
  if (io === processIo) exitQuietlyOnBrokenPipe();
  const [commandName, ...rest] = argv;
  if (commandName === undefined || commandName === '--help' || commandName === '-h' || commandName === 'help') {
    io.stdout(programHelp(program));
    return commandName === undefined ? 2 : 0;
  }
  const command = program.commands.find((c) => c.name === commandName);
  try {
    if (!command) throw new UsageError(`unknown command "${commandName}" (commands: ${program.commands.map((c) => c.name).join(', ')})`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${command.usage.trimEnd()}\n`);
      return 0;
    }
    let parsed: { values: OptionValues; positionals: string[] };
    try {
      parsed = parseArgs({
        args: joinNegativeOptionValues(command.options, rest),
        options: command.options,
        allowPositionals: command.allowPositionals ?? false,
        strict: true,
      }) as { values: OptionValues; positionals: string[] };
    } catch (error) {
      throw new UsageError((error as Error).message.split('\n')[0]);
    }
    await command.run(parsed.values, parsed.positionals, io);
    return 0;
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    const reason = err.message.replace(/\s*\n\s*/g, ' ');
    const hint = err instanceof UsageError ? ` (see "${program.name} ${command ? `${command.name} ` : ''}--help")` : '';
    io.stderr(`${program.name}: ${reason}${hint}\n`);
    if (process.env.TETHYS_DEBUG === '1' && err.stack) io.stderr(`${err.stack}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}
