import highsLoader from 'highs';

type HighsInstance = Awaited<ReturnType<typeof highsLoader>>;

let highsInstance: Promise<HighsInstance> | undefined;

/** Loads the HiGHS WebAssembly module once per process; later calls reuse the same promise. */
export function loadHighs(): Promise<HighsInstance> {
  highsInstance ??= highsLoader();
  return highsInstance;
}
