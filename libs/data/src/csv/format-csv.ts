/** RFC-4180 quoting: only a field holding a comma, quote or line break is quoted; quotes are doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text: a header line, one line per record, `\n` line ends and a trailing newline. */
export function formatCsv(header: readonly string[], records: readonly (readonly string[])[]): string {
  const lines = [header.map(csvField).join(',')];
  for (const record of records) {
    if (record.length !== header.length) {
      throw new RangeError(`formatCsv: a record has ${record.length} fields, the header ${header.length}`);
    }
    lines.push(record.map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}
