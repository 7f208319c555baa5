export { runCli, type CliIo, type CliProgram, type CommandSpec } from './run-cli';
export { UsageError } from './usage-error';
export {
  optionalInteger,
  optionalNumber,
  optionalString,
  requiredString,
  type OptionValues,
} from './option-values';
export { formatTable } from './format-table';
