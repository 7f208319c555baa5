import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GIT_LOCATION_VARIABLES, reproducibleTimestamp } from './reproducible-timestamp';

describe('reproducibleTimestamp', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tethys-time-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses SOURCE_DATE_EPOCH seconds when set', () => {
    expect(reproducibleTimestamp({ SOURCE_DATE_EPOCH: '1700000000' }, dir)).toBe('2023-11-14T22:13:20.000Z');
    expect(reproducibleTimestamp({ SOURCE_DATE_EPOCH: '0' }, dir)).toBe('1970-01-01T00:00:00.000Z');
  });

  it.each(['abc', '-5', '1.5', ' 17', '1e9', '99999999999999999'])('refuses a malformed SOURCE_DATE_EPOCH %p', (value) => {
    expect(() => reproducibleTimestamp({ SOURCE_DATE_EPOCH: value }, dir)).toThrow(/SOURCE_DATE_EPOCH must be a whole number of seconds/);
  });

  it('falls back to the committer time of git HEAD', () => {
    // Never let a surrounding git hook's GIT_DIR redirect these commands to the real repository.
    const env: NodeJS.ProcessEnv = { ...process.env, GIT_COMMITTER_DATE: '1600000000 +0000', GIT_AUTHOR_DATE: '1500000000 +0000' };
    for (const variable of GIT_LOCATION_VARIABLES) delete env[variable];
    const git = (...args: string[]): void => {
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
        cwd: dir,
        stdio: 'ignore',
        env,
      });
    };
    git('init', '-q');
    writeFileSync(join(dir, 'a.txt'), 'a');
    git('add', 'a.txt');
    git('commit', '-q', '-m', 'first');
    expect(reproducibleTimestamp({}, dir)).toBe('2020-09-13T12:26:40.000Z');
  });

  it('falls back to the current time outside a repository', () => {
    const before = Date.now();
    const stamp = Date.parse(reproducibleTimestamp({ SOURCE_DATE_EPOCH: '' }, dir));
    expect(stamp).toBeGreaterThanOrEqual(before - 1000);
    expect(stamp).toBeLessThanOrEqual(Date.now() + 1000);
  });
});
