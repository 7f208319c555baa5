import { runCli } from '@tethys/cli';
import { memoryCli } from './main';

// The CLI against the real Firestore emulator (started by the firestore jest globalSetup):
// memory.store = firestore through the environment, the hashing embedder (no trained model needed).
async function memory(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(memoryCli, argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('tethys-memory on Firestore', () => {
  const saved = { ...process.env };
  beforeAll(() => {
    process.env.TETHYS_APP__MEMORY__STORE = 'firestore';
    process.env.TETHYS_APP__MEMORY__FIRESTORE__PROJECT_ID = 'tethys-memory-cli';
    process.env.TETHYS_APP__MEMORY__FIRESTORE__COLLECTION = `cli-${Date.now()}`;
  });
  afterAll(() => {
    process.env = saved;
  });

  it('adds, searches within one user, lists and forgets through Firestore', async () => {
    const hashing = ['--embedder', 'hashing'];
    const rent = await memory(['add', '--user', 'carol', '--text', 'My rent of 1,850 dollars is due on the first', ...hashing]);
    expect(rent.stderr).toBe('');
    expect(rent.code).toBe(0);
    const rentId = rent.stdout.trim();
    await memory(['add', '--user', 'carol', '--text', 'Saving for a house deposit by 2029', ...hashing]);
    await memory(['add', '--user', 'dave', '--text', 'My rent goes up in March', ...hashing]);

    const search = await memory(['search', '--user', 'carol', '--query', 'rent due date', '-k', '5', '--json', ...hashing]);
    expect(search.code).toBe(0);
    const hits = JSON.parse(search.stdout) as { id: string; userId: string }[];
    expect(hits[0].id).toBe(rentId);
    expect(hits.every((hit) => hit.userId === 'carol')).toBe(true);

    expect((await memory(['forget', '--user', 'carol', '--id', rentId, ...hashing])).code).toBe(0);
    const listed = JSON.parse((await memory(['list', '--user', 'carol', '--json', ...hashing])).stdout) as { text: string }[];
    expect(listed.map((m) => m.text)).toEqual(['Saving for a house deposit by 2029']);
    const again = await memory(['forget', '--user', 'carol', '--id', rentId, ...hashing]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/has no memory with id/);
  });
});
