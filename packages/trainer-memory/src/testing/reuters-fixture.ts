import path from 'node:path';
import { readCsvRecords } from '@tethys/data';

export interface ReutersStory {
  readonly id: string;
  readonly topic: string;
  readonly heading: string;
  readonly text: string;
}

const REUTERS_CSV = path.resolve(__dirname, '../../../../data/text/reuters_acq_crude.csv');

/** The 70 Reuters acq/crude stories in data/text: small real text for store tests. */
export function loadReutersStories(): ReutersStory[] {
  const { header, rows } = readCsvRecords(REUTERS_CSV);
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${REUTERS_CSV}: no column ${name}`);
    return index;
  };
  const [id, topic, heading, text] = ['id', 'topic', 'heading', 'text'].map(column);
  return rows.map((row) => ({ id: row[id], topic: row[topic], heading: row[heading], text: row[text].replace(/\s+/g, ' ').trim() }));
}
