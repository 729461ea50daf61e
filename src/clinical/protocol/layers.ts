import { LAYERS, own } from './types.ts';
import type { DoseFlag, Layer } from './types.ts';

export function isLayer(value: unknown): value is Layer {
  return typeof value === 'string' && (LAYERS as readonly string[]).includes(value);
}

function muscleKey(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value.trim().toLowerCase();
  return key === '' ? undefined : key;
}

/**
 * Layers are worked superficial to deep (clinic protocol): a middle or deep step on a muscle needs
 * every shallower layer of that muscle worked earlier in the same session.
 */
export function layerFlags(step: unknown, previous: readonly unknown[]): DoseFlag[] {
  const layer = own(step, 'layer');
  const muscleValue = own(step, 'muscle');
  const flags: DoseFlag[] = [];
  if (muscleValue !== undefined && muscleKey(muscleValue) === undefined) {
    flags.push({
      level: 'warning',
      code: 'muscle-invalid',
      field: 'muscle',
      message: 'Muscle must be a non-empty name.',
    });
  }
  if (layer === undefined) return flags;
  if (!isLayer(layer)) {
    flags.push({
      level: 'warning',
      code: 'layer-invalid',
      field: 'layer',
      message: 'Layer must be superficial, middle or deep.',
    });
    return flags;
  }
  const depth = LAYERS.indexOf(layer);
  if (depth === 0) return flags;
  const muscle = muscleKey(muscleValue);
  if (muscle === undefined) {
    flags.push({
      level: 'info',
      code: 'layer-unchecked',
      field: 'muscle',
      message: `No muscle charted, so the order of layers before this ${layer} step cannot be checked.`,
    });
    return flags;
  }
  const worked = new Set<Layer>();
  for (const earlier of previous) {
    const earlierLayer = own(earlier, 'layer');
    if (muscleKey(own(earlier, 'muscle')) === muscle && isLayer(earlierLayer)) worked.add(earlierLayer);
  }
  const skipped = LAYERS.slice(0, depth).filter((shallower) => !worked.has(shallower));
  if (skipped.length > 0) {
    flags.push({
      level: 'warning',
      code: 'layer-skip',
      field: 'layer',
      message: `${layer} work on this muscle before its ${skipped.join(' and ')} layer: work superficial to deep.`,
    });
  }
  return flags;
}
