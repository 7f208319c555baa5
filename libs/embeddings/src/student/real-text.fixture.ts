import { readCsvRecords } from '@tethys/data';
import { join } from 'node:path';

const TEXT_DIR = join(__dirname, '../../../../data/text');

/** Reuters acq/crude stories: heading and text. */
export function reutersStories(): { heading: string; text: string }[] {
  const { header, rows } = readCsvRecords(join(TEXT_DIR, 'reuters_acq_crude.csv'));
  const heading = header.indexOf('heading');
  const text = header.indexOf('text');
  return rows.map((row) => ({ heading: row[heading], text: row[text] }));
}

/** NASDAQ listing descriptions (company and security names). */
export function nasdaqDescriptions(): string[] {
  const { header, rows } = readCsvRecords(join(TEXT_DIR, 'nasdaq_listing.csv'));
  const description = header.indexOf('Description');
  return rows.map((row) => row[description]);
}

/** Reuters story sentences (split after full stops), at least 20 characters long. */
export function reutersSentences(): string[] {
  return reutersStories()
    .flatMap((story) => story.text.split(/(?<=\.)\s+/))
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter((sentence) => sentence.length >= 20);
}
