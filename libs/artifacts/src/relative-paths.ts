import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Why a path is not a safe artifact-relative path, or null when it is.
 * Safe means: forward slashes only, no empty, `.` or `..` segments, not
 * absolute, no NUL — so it can never name anything outside the artifact
 * directory and every file has exactly one spelling in the manifest.
 */
export function relativePathProblem(path: string): string | null {
  if (path.length === 0) return 'the path is empty';
  if (path.includes('\\')) return 'use forward slashes, not backslashes';
  if (path.includes('\0')) return 'the path contains a NUL character';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'the path must be relative';
  for (const segment of path.split('/')) {
    if (segment === '') return 'the path has an empty segment (leading, trailing or doubled slash)';
    if (segment === '.' || segment === '..') return `the path has a "${segment}" segment; it must stay inside the artifact directory`;
  }
  return null;
}

/** The on-disk location of an artifact-relative path. */
export function resolveInside(dir: string, relativePath: string): string {
  return join(dir, ...relativePath.split('/'));
}

/**
 * Every non-directory entry under `dir`, as artifact-relative paths with
 * forward slashes. Empty subdirectories hold no files and are not listed.
 */
export function listFilesRecursively(dir: string): string[] {
  const found: string[] = [];
  const visit = (absolute: string, prefix: string): void => {
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) visit(join(absolute, entry.name), relative);
      else found.push(relative);
    }
  };
  visit(dir, '');
  return found;
}
