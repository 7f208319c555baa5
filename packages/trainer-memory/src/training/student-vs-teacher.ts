import type { RetrievalRow } from './retrieval-table';

export interface StudentTeacherDelta {
  dataset: string;
  teacher: { recallAt10: number; mrr: number; ndcgAt10: number };
  student: { recallAt10: number; mrr: number; ndcgAt10: number };
  /** student minus teacher; negative where the student loses. */
  delta: { recallAt10: number; mrr: number; ndcgAt10: number };
}

export interface StudentTeacherComparison {
  deltas: StudentTeacherDelta[];
  /** One plain sentence per dataset, saying who wins. */
  lines: string[];
}

const pick = (row: RetrievalRow) => ({ recallAt10: row.recallAt10, mrr: row.mrr, ndcgAt10: row.ndcgAt10 });
const round = (value: number): number => Number(value.toFixed(6));

/** Student against teacher on full vectors and the exact index, dataset by dataset. */
export function compareStudentWithTeacher(rows: readonly RetrievalRow[], teacherName: string): StudentTeacherComparison {
  const fullFlat = (embedder: string, dataset: string) =>
    rows.find((row) => row.embedder === embedder && row.dataset === dataset && row.variant === 'full' && row.index === 'flat');
  const datasets = [...new Set(rows.map((row) => row.dataset))];
  const deltas: StudentTeacherDelta[] = [];
  const lines: string[] = [];
  for (const dataset of datasets) {
    const teacher = fullFlat(teacherName, dataset);
    const student = fullFlat('student', dataset);
    if (!teacher || !student) continue;
    const delta = {
      recallAt10: round(student.recallAt10 - teacher.recallAt10),
      mrr: round(student.mrr - teacher.mrr),
      ndcgAt10: round(student.ndcgAt10 - teacher.ndcgAt10),
    };
    deltas.push({ dataset, teacher: pick(teacher), student: pick(student), delta });
    const verdict = delta.ndcgAt10 < 0 ? 'the student LOSES to the teacher' : 'the student matches or beats the teacher';
    lines.push(
      `${dataset}: ${verdict} (nDCG@10 ${student.ndcgAt10.toFixed(3)} vs ${teacher.ndcgAt10.toFixed(3)}, ` +
        `recall@10 ${student.recallAt10.toFixed(3)} vs ${teacher.recallAt10.toFixed(3)})`,
    );
  }
  return { deltas, lines };
}
