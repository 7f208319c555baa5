import { VectorIndexError } from '../shared/vector-index-error';
import { FaissIndex } from './faiss-index';
import { FAISS_PACKAGE, loadFaissModule } from './faiss-module';

const identity = { embedderHash: 'e', dim: 2, metric: 'l2' as const };

describe('optional FAISS backend', () => {
  // faiss-node cannot install on these machines; this is the path every user here takes.
  it('reports that faiss-node is not installed with a typed error', () => {
    let caught: unknown;
    try {
      new FaissIndex(identity);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(VectorIndexError);
    expect(caught).toMatchObject({ code: 'BACKEND_UNAVAILABLE', parameter: FAISS_PACKAGE });
    expect((caught as Error).message).toMatch(/not installed.*FlatIndex/);
  });

  it('tells a broken installation apart from a missing one', () => {
    const broken = () => {
      throw Object.assign(new Error('faiss.node: undefined symbol'), { code: 'ERR_DLOPEN_FAILED' });
    };
    expect(() => loadFaissModule(broken)).toThrow(/installed but failed to load: faiss.node: undefined symbol/);
    expect(() => loadFaissModule(() => ({}))).toThrow(/does not export IndexFlatL2/);
  });
});
