// Types for prng.mjs (imported by test/unit/incrementalLint.test.ts).
export declare function createRandom(seed: number): {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
};
