#!/usr/bin/env node
// Entry point: `tsx tools/transactions-generator/src/cli.ts --params FILE --out DIR`.
import { runCli } from './run-cli';

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
});
