export { ArtifactError, type ArtifactErrorCode } from './errors';
export { canonicalJson } from './canonical-json';
export { sha256, sha256File } from './hashing';
export { writeFileAtomic } from './write-file-atomic';
export { reproducibleTimestamp } from './reproducible-timestamp';
export {
  ARTIFACT_SCHEMA_VERSION,
  MANIFEST_FILE,
  METRICS_FILE,
  type ArtifactManifest,
  type FileDigest,
} from './manifest';
export { writeArtifact, type WriteArtifactOptions } from './write-artifact';
export { loadArtifact, type LoadArtifactOptions, type LoadedArtifact } from './load-artifact';
export {
  JSON_ARTIFACT_CONTENT,
  loadJsonArtifact,
  writeJsonArtifact,
  type LoadedJsonArtifact,
  type WriteJsonArtifactOptions,
} from './json-artifact';
