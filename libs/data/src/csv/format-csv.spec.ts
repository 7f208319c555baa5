import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { csvField, formatCsv } from './format-csv';
import { readCsvRecords } from './read-csv-records';

describe('formatCsv', () => {
  it('quotes only what needs quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('round-trips through the parser', () => {
    const header = ['id', 'name, full', 'note'];
    const records = [
      ['1', 'Acme, Inc.', 'said "no"'],
      ['2', 'Plain', ''],
    ];
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'format-csv-')), 'x.csv');
    writeFileSync(file, formatCsv(header, records));
    const parsed = readCsvRecords(file);
    expect(parsed.header).toEqual(header);
    expect(parsed.rows).toEqual(records);
  });

  it('refuses a record of the wrong width', () => {
    expect(() => formatCsv(['a', 'b'], [['1']])).toThrow('a record has 1 fields, the header 2');
  });
});
