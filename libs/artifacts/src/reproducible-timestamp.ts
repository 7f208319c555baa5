import { execFileSync } from 'node:child_process';

/**
 * The `createdAt` written into manifests when the caller gives none.
 *
 * Why not simply "now": a manifest holding the wall-clock time makes every
 * rebuild differ by a few bytes, so Nx's cache, `git diff` on models/ and
 * hash comparisons all report a change where nothing changed. Following the
 * reproducible-builds convention, the time comes from
 *   1. `SOURCE_DATE_EPOCH` (whole seconds since 1970-01-01 UTC) when set and
 *      non-empty; a malformed value is an error rather than silently ignored;
 *   2. else the committer time of `git HEAD` in `cwd`, so rebuilding from the
 *      same checkout gives byte-identical artifacts (the inputs' sha256 in the
 *      manifest still tells uncommitted data changes apart);
 *   3. else (no git, not a repository) the current time.
 */
export function reproducibleTimestamp(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const sourceDateEpoch = env.SOURCE_DATE_EPOCH;
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== '') {
    return isoFromEpochSeconds(sourceDateEpoch, 'SOURCE_DATE_EPOCH');
  }
  const commitSeconds = gitHeadCommitSeconds(cwd);
  if (commitSeconds !== null) return new Date(commitSeconds * 1000).toISOString();
  return new Date().toISOString();
}

function isoFromEpochSeconds(text: string, variable: string): string {
  const seconds = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  const date = new Date(seconds * 1000);
  if (!Number.isSafeInteger(seconds) || Number.isNaN(date.getTime())) {
    throw new RangeError(
      `${variable} must be a whole number of seconds since 1970-01-01T00:00:00Z (for example 1700000000), got ${JSON.stringify(text)}`,
    );
  }
  return date.toISOString();
}

/**
 * Variables that point git at a repository other than the one containing cwd
 * (git hooks set them); removed so the answer is always "the HEAD of cwd".
 */
export const GIT_LOCATION_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
] as const;

/** Committer time of HEAD in seconds, or null when git is missing or cwd is not a repository. */
function gitHeadCommitSeconds(cwd: string): number | null {
  const env = { ...process.env };
  for (const variable of GIT_LOCATION_VARIABLES) delete env[variable];
  try {
    const output = execFileSync('git', ['log', '-1', '--format=%ct'], {
      cwd,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    }).trim();
    return /^\d+$/.test(output) ? Number(output) : null;
  } catch {
    return null;
  }
}
