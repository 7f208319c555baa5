import { basename } from 'node:path';
import { DataError, readCsvRecords } from '@tethys/data';
import type { CorpusDocument, RetrievalQuery } from '../evaluation/retrieval-types';
import { requireColumns } from './csv-columns';

export interface UserRetrievalSet {
  /** The corpus file's name without folders. */
  readonly name: string;
  readonly corpus: CorpusDocument[];
  readonly queries: RetrievalQuery[];
}

/**
 * Reads a user's own retrieval benchmark from two CSV files:
 * - `corpusFile` with columns `id,text` (other columns ignored): ids unique and
 *   non-empty, text non-empty;
 * - `queriesFile` with columns `query,relevant_id`: one row per (query, relevant
 *   document); rows with the same query text (spacing trimmed) form one query
 *   with several relevant ids, in first-appearance order; a repeated pair counts once.
 * Every problem is a DataError naming the file, the 1-based data row and the column.
 */
export function readUserRetrievalSet(corpusFile: string, queriesFile: string): UserRetrievalSet {
  const corpus = readCorpus(corpusFile);
  const known = new Set(corpus.map((doc) => doc.id));
  return { name: basename(corpusFile), corpus, queries: readQueries(queriesFile, known) };
}

function readCorpus(file: string): CorpusDocument[] {
  const records = readCsvRecords(file);
  const column = requireColumns(records, ['id', 'text'], file);
  const firstRow = new Map<string, number>();
  return records.rows.map((row, i) => {
    const rowNumber = i + 1;
    const id = row[column.id].trim();
    const text = row[column.text].trim();
    if (id === '') throw new DataError('MISSING_VALUE', 'empty id', { file, row: rowNumber, column: 'id' });
    const earlier = firstRow.get(id);
    if (earlier !== undefined) {
      throw new DataError('INVALID_VALUE', `duplicate id ${JSON.stringify(id)} (first on row ${earlier})`, {
        file,
        row: rowNumber,
        column: 'id',
      });
    }
    if (text === '') throw new DataError('MISSING_VALUE', `empty text for id ${JSON.stringify(id)}`, { file, row: rowNumber, column: 'text' });
    firstRow.set(id, rowNumber);
    return { id, text };
  });
}

function readQueries(file: string, known: ReadonlySet<string>): RetrievalQuery[] {
  const records = readCsvRecords(file);
  const column = requireColumns(records, ['query', 'relevant_id'], file);
  const relevantByQuery = new Map<string, string[]>();
  records.rows.forEach((row, i) => {
    const rowNumber = i + 1;
    const query = row[column.query].trim();
    const relevantId = row[column.relevant_id].trim();
    if (query === '') throw new DataError('MISSING_VALUE', 'empty query text', { file, row: rowNumber, column: 'query' });
    if (relevantId === '') throw new DataError('MISSING_VALUE', 'empty relevant_id', { file, row: rowNumber, column: 'relevant_id' });
    if (!known.has(relevantId)) {
      throw new DataError('INVALID_VALUE', `relevant_id ${JSON.stringify(relevantId)} is not an id in the corpus file`, {
        file,
        row: rowNumber,
        column: 'relevant_id',
      });
    }
    const ids = relevantByQuery.get(query);
    if (!ids) relevantByQuery.set(query, [relevantId]);
    else if (!ids.includes(relevantId)) ids.push(relevantId);
  });
  return [...relevantByQuery].map(([query, relevantIds]) => ({ query, relevantIds }));
}
