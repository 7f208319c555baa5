import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsvRecords } from '@tethys/data';
import { UseLiteEmbedder } from '../teacher/use-lite-embedder';

/**
 * Real sentence embeddings for the compression tests without loading the
 * teacher: USE-lite vectors of the first sentence of each Reuters story in
 * data/text/reuters_acq_crude.csv, stored as one signed byte per component
 * (value = byte * scale; about 1% of a component's range) and re-normalised on load.
 * Regenerate: npx tsx -e "require('./libs/embeddings/src/compression/reuters-use-lite.fixture').writeReutersUseLiteFixture()"
 */
const FIXTURE = join(__dirname, 'fixtures/reuters-use-lite.json');
const REUTERS = join(__dirname, '../../../../data/text/reuters_acq_crude.csv');

interface FixtureFile {
  source: string;
  identityHash: string;
  dim: number;
  scale: number;
  ids: string[];
  topics: string[];
  /** base64 of ids.length * dim signed bytes, row-major. */
  bytes: string;
}

export interface ReutersEmbeddings {
  ids: string[];
  topics: string[];
  vectors: Float32Array[];
}

export function loadReutersUseLite(): ReutersEmbeddings {
  const file = JSON.parse(readFileSync(FIXTURE, 'utf8')) as FixtureFile;
  const bytes = new Int8Array(Buffer.from(file.bytes, 'base64'));
  const vectors = file.ids.map((_, row) => {
    const vector = Float32Array.from(bytes.subarray(row * file.dim, (row + 1) * file.dim), (value) => value * file.scale);
    const norm = Math.hypot(...vector);
    return vector.map((value) => value / norm);
  });
  return { ids: file.ids, topics: file.topics, vectors };
}

export async function writeReutersUseLiteFixture(): Promise<void> {
  const { header, rows } = readCsvRecords(REUTERS);
  const [id, topic, text] = ['id', 'topic', 'text'].map((name) => header.indexOf(name));
  const leads = rows.map((row) => row[text].replace(/\s+/g, ' ').split(/(?<=\.) /)[0]);
  const embedder = await UseLiteEmbedder.load({ backend: 'wasm' });
  const vectors = await embedder.embed(leads);
  embedder.dispose();
  const largest = Math.max(...vectors.map((vector) => Math.max(...vector.map(Math.abs))));
  const scale = largest / 127;
  const bytes = new Int8Array(vectors.length * embedder.dim);
  vectors.forEach((vector, row) => vector.forEach((value, j) => (bytes[row * embedder.dim + j] = Math.round(value / scale))));
  const file: FixtureFile = {
    source: 'USE-lite (UseLiteEmbedder) of the first sentence of each story in data/text/reuters_acq_crude.csv',
    identityHash: embedder.identityHash,
    dim: embedder.dim,
    scale,
    ids: rows.map((row) => row[id]),
    topics: rows.map((row) => row[topic]),
    bytes: Buffer.from(bytes.buffer).toString('base64'),
  };
  writeFileSync(FIXTURE, `${JSON.stringify(file, null, 1)}\n`);
}
