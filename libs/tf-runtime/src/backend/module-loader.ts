import { createRequire } from 'node:module';

/**
 * How optional backend packages are found and loaded. The default resolves
 * from this library's location in the workspace; tests pass a fake to play
 * out "installed" and "not installed" without installing anything.
 */
export interface ModuleLoader {
  /** True when the package can be resolved (installed), without running it. */
  isInstalled(id: string): boolean;
  /** The file a package id (or a file inside a package) resolves to; throws when it is not installed. */
  resolve(id: string): string;
  /** Runs the package or file (its side effects register the backend) and returns its exports. */
  load(id: string): unknown;
}

export function nodeModuleLoader(): ModuleLoader {
  // createRequire keeps this working whether the file runs as CommonJS (tsx, jest) or not.
  const requireFromHere = createRequire(__filename);
  return {
    isInstalled(id) {
      try {
        requireFromHere.resolve(id);
        return true;
      } catch {
        return false;
      }
    },
    resolve(id) {
      return requireFromHere.resolve(id);
    },
    load(id) {
      return requireFromHere(id);
    },
  };
}
