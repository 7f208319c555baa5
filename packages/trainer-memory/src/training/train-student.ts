import {
  buildWordPieceVocab,
  distillStaticEmbedder,
  type Embedder,
  fineTuneContrastive,
  StaticEmbedder,
  type StaticEmbeddingModel,
} from '@tethys/embeddings';
import { financialTrainingCorpus } from '../datasets';
import type { RetrievalDataset } from '../datasets';
import type { MemoryTrainerParams } from '../params';

export interface StudentTrainingReport {
  corpusSentences: number;
  corpusCounts: Record<string, number>;
  vocabSize: number;
  dim: number;
  distillation: { lossBefore: number; lossAfter: number; epochLosses: number[]; explainedVariance: number; tokensWithoutTeacherVector: number };
  contrastive: { pairs: number; epochLosses: number[] };
}

export interface TrainedStudent {
  model: StaticEmbeddingModel;
  embedder: StaticEmbedder;
  report: StudentTrainingReport;
}

const round = (value: number): number => Number(value.toPrecision(8));

/**
 * The trained domain embedder: a WordPiece vocabulary from the financial
 * training corpus, distilled from the teacher (Model2Vec start + cosine
 * regression), then fine-tuned with in-batch InfoNCE on the training pairs of
 * every benchmark. Only training splits are read, never an evaluation query.
 */
export async function trainStudent(
  teacher: Embedder,
  datasets: readonly RetrievalDataset[],
  params: MemoryTrainerParams,
  log: (line: string) => void,
): Promise<TrainedStudent> {
  const corpus = financialTrainingCorpus({
    seed: params.datasetSeed,
    nasdaqEvalCompanies: params.corpus.nasdaqEvalCompanies,
    transactionCount: params.corpus.transactionCount,
  });
  log(`student: ${corpus.sentences.length} training sentences ${JSON.stringify(corpus.counts)}`);
  const vocab = buildWordPieceVocab(corpus.sentences, { size: params.student.vocabSize, minFrequency: params.student.minFrequency });
  log(`student: vocabulary of ${vocab.length} WordPiece tokens; distilling from ${teacher.name} (${teacher.dim}-d) to ${params.student.dim}-d`);
  const distilled = await distillStaticEmbedder({
    teacher,
    corpus: corpus.sentences,
    vocab,
    dim: params.student.dim,
    seed: params.seed,
    epochs: params.student.distill.epochs,
    batchSize: params.student.distill.batchSize,
    learningRate: params.student.distill.learningRate,
    weighting: params.student.distill.weighting,
    teacherBatchSize: params.teacher.batchSize,
  });
  log(`student: distillation cosine loss ${distilled.lossBefore.toFixed(4)} -> ${distilled.lossAfter.toFixed(4)}`);
  const pairs = datasets.flatMap((dataset) => dataset.trainingPairs.map((pair) => ({ anchor: pair.query, positive: pair.positive })));
  const tuned =
    params.student.contrastive.epochs > 0
      ? await fineTuneContrastive(distilled.model, pairs, { seed: params.seed, ...params.student.contrastive })
      : { model: distilled.model, epochLosses: [] };
  if (tuned.epochLosses.length > 0) {
    log(`student: contrastive InfoNCE on ${pairs.length} pairs, loss ${tuned.epochLosses.map((loss) => loss.toFixed(4)).join(' -> ')}`);
  }
  return {
    model: tuned.model,
    embedder: new StaticEmbedder(tuned.model, { name: 'student' }),
    report: {
      corpusSentences: corpus.sentences.length,
      corpusCounts: { ...corpus.counts },
      vocabSize: vocab.length,
      dim: params.student.dim,
      distillation: {
        lossBefore: round(distilled.lossBefore),
        lossAfter: round(distilled.lossAfter),
        epochLosses: distilled.epochLosses.map(round),
        explainedVariance: round(distilled.explainedVariance),
        tokensWithoutTeacherVector: distilled.tokensWithoutTeacherVector,
      },
      contrastive: { pairs: pairs.length, epochLosses: tuned.epochLosses.map(round) },
    },
  };
}
