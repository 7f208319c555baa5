import { AllocationError } from './allocation-error';

/** Throws unless every asset name is a non-empty string and appears once. */
export function assertUniqueAssets(assets: readonly string[], parameter: string): void {
  const seen = new Set<string>();
  assets.forEach((asset, i) => {
    if (typeof asset !== 'string' || asset.length === 0) {
      throw new AllocationError('INVALID_ARGUMENT', `${parameter}[${i}]`, 'asset name must be a non-empty string');
    }
    if (seen.has(asset)) throw new AllocationError('INVALID_ARGUMENT', parameter, `asset "${asset}" appears more than once`);
    seen.add(asset);
  });
}

/** Index of `asset` in `assets`, or an UNKNOWN_ASSET error naming the parameter. */
export function assetIndex(assets: readonly string[], asset: string, parameter: string): number {
  const index = assets.indexOf(asset);
  if (index < 0) {
    throw new AllocationError('UNKNOWN_ASSET', parameter, `asset "${asset}" is not one of the ${assets.length} assets (${assets.slice(0, 5).join(', ')}${assets.length > 5 ? ', ...' : ''})`);
  }
  return index;
}
