import { DataError } from '../errors/data-error';

/** A CSV file split into header and data records, with the line each record starts on. */
export interface CsvRecords {
  header: string[];
  /** Data records, each with exactly `header.length` fields. */
  rows: string[][];
  /** `lines[i]` is the 1-based line of the file where data row `i + 1` starts. */
  lines: number[];
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const BYTE_ORDER_MARK = 0xfeff;

/**
 * An RFC-4180 parser written for exact error positions: quoted fields may hold
 * commas, doubled quotes and line breaks; lines may end in LF, CRLF or CR;
 * blank lines at the end of the file are ignored. A record whose field count
 * differs from the header's is a MALFORMED_CSV error naming its data row and line.
 */
export function parseCsv(text: string, file?: string): CsvRecords {
  const records: string[][] = [];
  const startLines: number[] = [];
  const length = text.length;
  let position = text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  let line = 1;

  const malformed = (detail: string, recordIndex: number, recordLine: number): DataError =>
    new DataError(
      'MALFORMED_CSV',
      `${detail} (${recordIndex === 0 ? 'header, ' : ''}line ${recordLine})`,
      recordIndex === 0 ? { file } : { file, row: recordIndex },
    );

  while (position < length) {
    const recordIndex = records.length;
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      if (text.charCodeAt(position) === QUOTE) {
        // Quoted field: copy runs between quotes; a doubled quote is a literal quote.
        let value = '';
        let runStart = position + 1;
        for (;;) {
          const closing = text.indexOf('"', runStart);
          if (closing === -1) {
            throw malformed('unterminated quoted field', recordIndex, recordLine);
          }
          line += countLineBreaks(text, runStart, closing);
          if (text.charCodeAt(closing + 1) === QUOTE) {
            value += text.slice(runStart, closing + 1);
            runStart = closing + 2;
            continue;
          }
          value += text.slice(runStart, closing);
          position = closing + 1;
          break;
        }
        const next = text.charCodeAt(position);
        if (position < length && next !== COMMA && next !== LF && next !== CR) {
          throw malformed(
            `unexpected text after the closing quote of field ${fields.length + 1}`,
            recordIndex,
            line,
          );
        }
        fields.push(value);
      } else {
        let end = position;
        while (end < length) {
          const code = text.charCodeAt(end);
          // Fast path: digits, letters, '.', '-' all sort above the comma.
          if (code > COMMA) {
            end++;
            continue;
          }
          if (code === COMMA || code === LF || code === CR) break;
          if (code === QUOTE) {
            throw malformed(
              `quote inside unquoted field ${fields.length + 1}; quote the whole field and double inner quotes`,
              recordIndex,
              recordLine,
            );
          }
          end++;
        }
        fields.push(text.slice(position, end));
        position = end;
      }

      if (position >= length) break;
      const separator = text.charCodeAt(position);
      if (separator === COMMA) {
        position++;
        continue;
      }
      // End of record: CRLF counts as one line break.
      position += separator === CR && text.charCodeAt(position + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    records.push(fields);
    startLines.push(recordLine);
  }

  // A trailing newline is normal; trailing blank lines parse as one empty field each.
  while (records.length > 0 && isBlankRecord(records[records.length - 1])) {
    records.pop();
    startLines.pop();
  }

  if (records.length === 0) {
    throw new DataError('EMPTY', 'file is empty: no header row', { file });
  }
  const header = records[0];
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) {
      throw new DataError('MALFORMED_CSV', 'duplicate column name in header (line 1)', {
        file,
        column: name,
      });
    }
    seen.add(name);
  }
  if (records.length === 1) {
    throw new DataError('EMPTY', 'file has a header but no data rows', { file });
  }

  for (let index = 1; index < records.length; index++) {
    const count = records[index].length;
    if (count !== header.length) {
      throw malformed(`expected ${header.length} fields, found ${count}`, index, startLines[index]);
    }
  }
  return { header, rows: records.slice(1), lines: startLines.slice(1) };
}

function isBlankRecord(fields: string[]): boolean {
  return fields.length === 1 && fields[0] === '';
}

/** Line breaks inside a quoted run, counting CRLF once, so later records keep true line numbers. */
function countLineBreaks(text: string, start: number, end: number): number {
  let breaks = 0;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === LF) breaks++;
    else if (code === CR && text.charCodeAt(index + 1) !== LF) breaks++;
  }
  return breaks;
}
