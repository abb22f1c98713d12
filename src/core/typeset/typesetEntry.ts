// A worker's outcome as a cache entry: the result with the numbering state it read and changed.
import { labelKey, type CachedFormula, type LabelKey } from './typesetCache';
import type { Position } from './typesetDocumentState';
import type { LabelValue, RenderOutcome } from './typesetProtocol';

export function readLabels(read: Record<string, LabelValue | null>): Record<string, LabelKey> {
  const out: Record<string, LabelKey> = {};
  for (const name in read) out[name] = labelKey(read[name]);
  return out;
}

export function entryFrom(outcome: RenderOutcome, at: Position): CachedFormula {
  return {
    ...(outcome.readsCounter ? { counter: at.counter, counterAfter: outcome.counterAfter } : {}),
    labels: readLabels(outcome.labelsRead),
    html: outcome.html,
    ...(outcome.error ? { error: outcome.error } : {}),
    glyphs: outcome.glyphs,
    styles: outcome.styles,
    labelsSet: outcome.labelsSet,
    defines: outcome.defines,
  };
}
