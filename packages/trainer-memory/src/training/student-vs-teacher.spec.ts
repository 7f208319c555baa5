import type { RetrievalRow } from './retrieval-table';
import { compareStudentWithTeacher } from './student-vs-teacher';

function row(embedder: string, dataset: string, ndcgAt10: number, overrides: Partial<RetrievalRow> = {}): RetrievalRow {
  return {
    dataset,
    embedder,
    variant: 'full',
    index: 'flat',
    dim: 4,
    bytesPerVector: 16,
    corpus: 10,
    queries: 5,
    recallAt1: 0,
    recallAt5: 0,
    recallAt10: ndcgAt10 + 0.1,
    mrr: ndcgAt10 - 0.05,
    ndcgAt10,
    ...overrides,
  };
}

describe('compareStudentWithTeacher', () => {
  it('gives student-minus-teacher deltas per dataset and says plainly where the student loses', () => {
    const rows = [
      row('use-lite', 'reuters', 0.8),
      row('student', 'reuters', 0.6),
      row('student', 'reuters', 0.9, { index: 'hnsw' }),
      row('use-lite', 'memories', 0.5),
      row('student', 'memories', 0.7),
      row('student', 'memories', 0.1, { variant: 'int8' }),
      row('hashing', 'memories', 0.2),
    ];
    const { deltas, lines } = compareStudentWithTeacher(rows, 'use-lite');
    expect(deltas.map((d) => [d.dataset, d.delta.ndcgAt10])).toEqual([
      ['reuters', -0.2],
      ['memories', 0.2],
    ]);
    expect(lines[0]).toMatch(/^reuters: the student LOSES to the teacher \(nDCG@10 0\.600 vs 0\.800/);
    expect(lines[1]).toMatch(/^memories: the student matches or beats the teacher/);
  });

  it('skips a dataset one of the two was not evaluated on', () => {
    expect(compareStudentWithTeacher([row('student', 'x', 0.5)], 'use-lite').deltas).toEqual([]);
  });
});
