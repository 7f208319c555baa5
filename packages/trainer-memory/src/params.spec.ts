import path from 'node:path';
import { ConfigError } from '@tethys/config';
import { loadMemoryTrainerParams, memoryTrainerParamsSchema } from './params';
import { parseParams } from '@tethys/config';

const PARAMS_FILE = path.resolve(__dirname, '../params.json');

describe('memory trainer params', () => {
  it('loads the committed params.json', () => {
    const params = loadMemoryTrainerParams(PARAMS_FILE);
    expect(params.index.targetRecallAt10).toBeGreaterThan(0.9);
    expect(params.student.dim).toBeGreaterThan(0);
  });

  it('refuses unknown keys and bad values naming them', () => {
    const params = loadMemoryTrainerParams(PARAMS_FILE);
    expect(() => parseParams({ ...params, extra: 1 }, memoryTrainerParamsSchema, 'p.json')).toThrow(ConfigError);
    expect(() => parseParams({ ...params, index: { ...params.index, targetRecallAt10: 1.5 } }, memoryTrainerParamsSchema, 'p.json')).toThrow(
      /index\.targetRecallAt10/,
    );
  });
});
