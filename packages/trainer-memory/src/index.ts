export * from './store';
export * from './evaluation';
export * from './datasets';
export { DEFAULT_MEMORY_PARAMS_FILE, loadMemoryTrainerParams, type MemoryTrainerParams, memoryTrainerParamsSchema } from './params';
export { MEMORY_OUTPUTS, MEMORY_PRODUCER, trainMemoryLayer, type TrainMemoryOptions, type TrainMemoryResult } from './training/train-memory';
export { loadStudentEmbedder, STUDENT_ARTIFACT_KIND, STUDENT_TRANSFORMERS_FOLDER, writeStudentArtifact } from './training/student-artifact';
export type { LatencyRow, RetrievalRow } from './training/retrieval-table';
export { openMemoryStore, type OpenedStore } from './cli/open-store';
export { resolveEmbedder, EMBEDDER_NAMES, type ResolvedEmbedder } from './cli/resolve-embedder';
