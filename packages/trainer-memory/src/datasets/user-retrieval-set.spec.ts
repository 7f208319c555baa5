import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError } from '@tethys/data';
import { readUserRetrievalSet } from './user-retrieval-set';

const dir = mkdtempSync(join(tmpdir(), 'user-retrieval-'));
function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function caught(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

const corpusText = 'id,text,source\nm1,"Rent is $1,850, due on the 1st",chat\nm2,"Salary:\nbiweekly Fridays",chat\nm3,Gym is $40,app\n';

describe('readUserRetrievalSet', () => {
  it('reads the corpus and groups query rows by query text', () => {
    const corpusFile = write('corpus.csv', corpusText);
    const queriesFile = write('queries.csv', 'query,relevant_id\nwhen is rent due,m1\nmonthly costs,m1\nmonthly costs,m3\n when is rent due ,m1\n');
    const set = readUserRetrievalSet(corpusFile, queriesFile);
    expect(set.name).toBe('corpus.csv');
    expect(set.corpus).toEqual([
      { id: 'm1', text: 'Rent is $1,850, due on the 1st' },
      { id: 'm2', text: 'Salary:\nbiweekly Fridays' },
      { id: 'm3', text: 'Gym is $40' },
    ]);
    expect(set.queries).toEqual([
      { query: 'when is rent due', relevantIds: ['m1'] },
      { query: 'monthly costs', relevantIds: ['m1', 'm3'] },
    ]);
  });

  it('names the file and column of a missing column', () => {
    const corpusFile = write('no-text.csv', 'id,body\nm1,x\n');
    const error = caught(() => readUserRetrievalSet(corpusFile, write('q0.csv', 'query,relevant_id\nq,m1\n')));
    expect(error).toMatchObject({ code: 'MISSING_COLUMN', file: corpusFile, column: 'text' });
    const queriesFile = write('no-rel.csv', 'query,doc\nq,m1\n');
    expect(caught(() => readUserRetrievalSet(write('c1.csv', corpusText), queriesFile))).toMatchObject({
      code: 'MISSING_COLUMN',
      file: queriesFile,
      column: 'relevant_id',
    });
  });

  it('names the row of empty text, duplicate ids and unknown relevant ids', () => {
    const queries = write('q1.csv', 'query,relevant_id\nq,m1\n');
    const empty = write('empty.csv', 'id,text\nm1,ok\nm2,"  "\n');
    expect(caught(() => readUserRetrievalSet(empty, queries))).toMatchObject({ code: 'MISSING_VALUE', file: empty, row: 2, column: 'text' });
    const duplicate = write('dup.csv', 'id,text\nm1,a\nm2,b\nm1,c\n');
    const dupError = caught(() => readUserRetrievalSet(duplicate, queries));
    expect(dupError).toMatchObject({ code: 'INVALID_VALUE', file: duplicate, row: 3, column: 'id' });
    expect(dupError.message).toMatch(/first on row 1/);
    const unknown = write('unknown.csv', 'query,relevant_id\nq,m1\nq2,m9\n');
    expect(caught(() => readUserRetrievalSet(write('c2.csv', corpusText), unknown))).toMatchObject({
      code: 'INVALID_VALUE',
      file: unknown,
      row: 2,
      column: 'relevant_id',
    });
    const blankQuery = write('blank.csv', 'query,relevant_id\n,m1\n');
    expect(caught(() => readUserRetrievalSet(write('c3.csv', corpusText), blankQuery))).toMatchObject({ row: 1, column: 'query' });
    expect(caught(() => readUserRetrievalSet(join(dir, 'absent.csv'), queries)).code).toBe('FILE_NOT_FOUND');
  });
});
