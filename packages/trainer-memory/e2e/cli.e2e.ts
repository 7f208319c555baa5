import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadJsonArtifact } from '@tethys/artifacts';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(WORKSPACE_ROOT, 'node_modules/.bin/tethys-memory');

interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

let scratch: string;
let database: string;

/** The real `npx tethys-memory` bin with the store pointed at a scratch database. */
function memory(args: string[]): CommandResult {
  const result = spawnSync(BIN, args, {
    cwd: WORKSPACE_ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', TETHYS_MEMORY_DB: database },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectOneLineFailure(result: CommandResult, status: number, reason: RegExp): void {
  expect(result.status).toBe(status);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/^tethys-memory: /);
  expect(result.stderr).toMatch(reason);
}

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'tethys-memory-e2e-'));
  database = path.join(scratch, 'memories.sqlite');
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('the trained artifacts', () => {
  it('verify, and the summary compares the student with the teacher on every benchmark', () => {
    const summary = loadJsonArtifact<{ retrieval: { dataset: string; embedder: string }[]; studentVsTeacher: { deltas: unknown[] } }>(
      path.join(WORKSPACE_ROOT, 'models/memory_training_summary.json'),
      { kind: 'memory-training-summary' },
    );
    const embedders = new Set(summary.content.retrieval.map((row) => row.embedder));
    expect([...embedders].sort()).toEqual(['hashing', 'student', 'student-onnx', 'use-lite']);
    expect(summary.content.studentVsTeacher.deltas).toHaveLength(3);
    expect(existsSync(path.join(WORKSPACE_ROOT, 'models/embedding_stats.json'))).toBe(true);
    expect(existsSync(path.join(WORKSPACE_ROOT, 'models/memory_index/manifest.json'))).toBe(true);
  });
});

describe('tethys-memory per-user memories', () => {
  const ids: Record<string, string> = {};

  it('adds memories for two users and finds them by meaning, never across users', () => {
    const add = (user: string, text: string, meta: string[] = []) => {
      const result = memory(['add', '--user', user, '--text', text, ...meta.flatMap((m) => ['--meta', m])]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      return result.stdout.trim();
    };
    ids.rent = add('alice', 'My rent is 1,850 dollars, due on the first of every month', ['kind=bill']);
    ids.goal = add('alice', 'I am saving for a house deposit of 60,000 by 2029', ['kind=goal']);
    ids.risk = add('alice', 'I prefer low-volatility index funds over individual stocks');
    ids.bob = add('bob', 'My rent is paid to Parkside Properties every month');

    const search = memory(['search', '--user', 'alice', '--query', 'when is my rent due?', '-k', '3', '--json']);
    expect(search.status).toBe(0);
    const hits = JSON.parse(search.stdout) as { id: string; userId: string; score: number }[];
    expect(hits[0].id).toBe(ids.rent);
    expect(hits.every((hit) => hit.userId === 'alice')).toBe(true);
    expect(hits.map((hit) => hit.id)).not.toContain(ids.bob);
  });

  it('caches a user index with train --user and keeps answering the same', () => {
    const before = memory(['search', '--user', 'alice', '--query', 'house deposit savings', '--json']);
    const trained = memory(['train', '--user', 'alice']);
    expect(trained.status).toBe(0);
    expect(trained.stdout).toMatch(/user alice: flat index over 3 memories .*cached in /);
    const after = memory(['search', '--user', 'alice', '--query', 'house deposit savings', '--json']);
    expect(after.stdout).toBe(before.stdout);
    expect((JSON.parse(after.stdout) as { id: string }[])[0].id).toBe(ids.goal);
  });

  it('forgets a memory, lists what is left, and refuses unknown ids and bad users in one line', () => {
    expect(memory(['forget', '--user', 'alice', '--id', ids.risk]).status).toBe(0);
    const listed = JSON.parse(memory(['list', '--user', 'alice', '--json']).stdout) as { id: string }[];
    expect(listed.map((m) => m.id)).toEqual([ids.rent, ids.goal]);
    expectOneLineFailure(memory(['forget', '--user', 'alice', '--id', ids.bob]), 1, /has no memory with id/);
    expectOneLineFailure(memory(['add', '--user', 'al/ice', '--text', 'x']), 1, /userId "al\/ice" may only contain/);
    expectOneLineFailure(memory(['add', '--user', 'alice']), 2, /--text/);
    expectOneLineFailure(memory(['search', '--user', 'alice', '--query', 'rent', '--embedder', 'nope']), 2, /--embedder/);
  });
});

describe('tethys-memory evaluate', () => {
  it("scores the user's own corpus and queries on flat and HNSW indexes", () => {
    const corpus = path.join(scratch, 'corpus.csv');
    const queries = path.join(scratch, 'queries.csv');
    writeFileSync(
      corpus,
      'id,text\nd1,Texaco raises crude oil posted prices\nd2,Chemical bank agrees to acquire a rival lender\nd3,Quarterly dividend of 15 cts a share\n',
    );
    writeFileSync(queries, 'query,relevant_id\noil price increase,d1\nbank takeover,d2\ndividend payout,d3\nbank takeover,d1\n');
    for (const index of ['flat', 'hnsw']) {
      const result = memory(['evaluate', '--corpus', corpus, '--queries', queries, '--index', index, '--json']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const [line] = JSON.parse(result.stdout) as { queries: number; recallAt10: number; mrr: number; p50Ms: number }[];
      expect(line.queries).toBe(3);
      expect(line.recallAt10).toBe(1);
      expect(line.mrr).toBeGreaterThan(0.5);
      expect(line.p50Ms).toBeGreaterThan(0);
    }
    expectOneLineFailure(memory(['evaluate', '--corpus', corpus]), 2, /--queries/);
    writeFileSync(queries, 'query,relevant_id\nbank takeover,d9\n');
    expectOneLineFailure(memory(['evaluate', '--corpus', corpus, '--queries', queries]), 1, /d9/);
  });
});
