import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsvRecords } from '@tethys/data';
import { tf } from '@tethys/tf-runtime';
import { EmbeddingError } from '../embedding-error';
import { USE_LITE_MAX_TOKENS, UseLiteEmbedder } from './use-lite-embedder';
import { readUseLiteFiles, useLiteModelDir } from './use-lite-files';

// The model runs on one CPU core, and test files run in parallel with other work: allow for slow machines.
jest.setTimeout(120_000);

const REUTERS = join(__dirname, '../../../../data/text/reuters_acq_crude.csv');

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i] * b[i];
  return sum;
}

/** Each Reuters story's topic and first sentence (the headlines are ALL CAPS, which a cased model reads poorly). */
function stories(): { topic: string; lead: string }[] {
  const { header, rows } = readCsvRecords(REUTERS);
  const topic = header.indexOf('topic');
  const text = header.indexOf('text');
  return rows.map((row) => ({ topic: row[topic], lead: row[text].replace(/\s+/g, ' ').split(/(?<=\.) /)[0] }));
}

describe('UseLiteEmbedder', () => {
  let embedder: UseLiteEmbedder;

  beforeAll(async () => {
    embedder = await UseLiteEmbedder.load({ backend: 'wasm', batchSize: 16, log: () => {} });
  });

  afterAll(() => embedder?.dispose());

  it('names itself and hashes exactly the model files', () => {
    expect(embedder.name).toBe('use-lite');
    expect(embedder.dim).toBe(512);
    expect(embedder.identityHash).toMatch(/^[0-9a-f]{64}$/);
    expect(embedder.identityHash).toBe(readUseLiteFiles(useLiteModelDir(), { maxTokens: USE_LITE_MAX_TOKENS }).identityHash);
  });

  it('embeds Reuters stories into unit vectors, stories of one topic closer than across topics', async () => {
    const items = stories();
    const vectors = await embedder.embed(items.map((item) => item.lead));
    expect(vectors).toHaveLength(items.length);
    for (const vector of vectors) {
      expect(vector).toHaveLength(512);
      expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 5);
    }
    let within = 0;
    let withinCount = 0;
    let across = 0;
    let acrossCount = 0;
    for (let i = 0; i < items.length; i += 1) {
      for (let j = i + 1; j < items.length; j += 1) {
        if (items[i].topic === items[j].topic) {
          within += dot(vectors[i], vectors[j]);
          withinCount += 1;
        } else {
          across += dot(vectors[i], vectors[j]);
          acrossCount += 1;
        }
      }
    }
    expect(within / withinCount).toBeGreaterThan(across / acrossCount + 0.1);
  });

  it('puts paraphrased headlines closer than unrelated ones', async () => {
    // Reuters headlines from the data set, in sentence case.
    const [pact, accord, hotel, texaco, marathon, merger] = await embedder.embed([
      'Saudi Arabia reiterates commitment to OPEC pact',
      'Saudi Arabia reiterates commitment to OPEC accord',
      'Marriott to sell hotel',
      'Texaco Canada lowers crude postings',
      'Marathon Petroleum reduces crude postings',
      'Liebert Corp approves merger',
    ]);
    expect(dot(pact, accord)).toBeGreaterThan(0.9);
    expect(dot(pact, accord)).toBeGreaterThan(dot(pact, hotel) + 0.3);
    expect(dot(texaco, marathon)).toBeGreaterThan(dot(texaco, merger));
    expect(dot(texaco, marathon)).toBeGreaterThan(dot(marathon, hotel));
  });

  it('is deterministic and does not depend on how texts are batched', async () => {
    const texts = stories()
      .slice(45, 55)
      .map((item) => item.lead);
    const first = await embedder.embed(texts);
    const second = await embedder.embed(texts);
    expect(second).toEqual(first);
    const alone = await embedder.embed([texts[7]]);
    let maxDiff = 0;
    alone[0].forEach((value, k) => (maxDiff = Math.max(maxDiff, Math.abs(value - first[7][k]))));
    expect(maxDiff).toBeLessThan(1e-5);
  });

  it('leaves no tensors behind', async () => {
    await embedder.embed(['warm up']);
    const before = tf.memory().numTensors;
    await embedder.embed(['OPEC meets in Vienna', 'Marriott sells a hotel', 'Crude postings cut']);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('cuts long texts at 128 pieces', async () => {
    const long = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    expect(embedder.tokenize(long)).toHaveLength(USE_LITE_MAX_TOKENS);
    const [vector] = await embedder.embed([long]);
    expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 5);
  });

  it('refuses empty and blank texts with a typed error naming the position', async () => {
    await expect(embedder.embed(['oil', 'gas', ''])).rejects.toThrow(/position 2/);
    await expect(embedder.embed(['oil', '   \n', 'gas'])).rejects.toMatchObject({ code: 'EMPTY_TEXT' });
    await expect(embedder.embed([])).resolves.toEqual([]);
  });
});

describe('UseLiteEmbedder.load and its files', () => {
  it('refuses a bad batch size and a folder without the model', async () => {
    await expect(UseLiteEmbedder.load({ batchSize: 0 })).rejects.toMatchObject({ code: 'BAD_PARAMETER' });
    const empty = mkdtempSync(join(tmpdir(), 'use-lite-'));
    try {
      await expect(UseLiteEmbedder.load({ modelDir: empty })).rejects.toThrow(EmbeddingError);
      await expect(UseLiteEmbedder.load({ modelDir: empty })).rejects.toThrow(/model\.json: cannot read/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('changes the identity hash when the vocabulary changes', () => {
    const source = useLiteModelDir();
    const copy = mkdtempSync(join(tmpdir(), 'use-lite-'));
    try {
      for (const name of readdirSync(source)) {
        if (name === 'model.json' || name.startsWith('group1-shard')) symlinkSync(join(source, name), join(copy, name));
      }
      const vocab = JSON.parse(readFileSync(join(source, 'vocab.json'), 'utf8')) as [string, number][];
      writeFileSync(join(copy, 'vocab.json'), JSON.stringify(vocab));
      const same = readUseLiteFiles(copy, { maxTokens: USE_LITE_MAX_TOKENS }).identityHash;
      vocab[100][1] -= 0.5;
      writeFileSync(join(copy, 'vocab.json'), JSON.stringify(vocab));
      const changed = readUseLiteFiles(copy, { maxTokens: USE_LITE_MAX_TOKENS }).identityHash;
      // Compared with the re-serialised copy, so only the one edited score differs.
      expect(changed).not.toBe(same);
      const original = readUseLiteFiles(source, { maxTokens: USE_LITE_MAX_TOKENS }).identityHash;
      expect(readUseLiteFiles(source, { maxTokens: 64 }).identityHash).not.toBe(original);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
