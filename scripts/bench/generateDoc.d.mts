// Types for generateDoc.mjs (imported by test/unit/benchGenerate.test.ts).
export interface GeneratedFormula {
  start: number;
  end: number;
  texStart: number;
  texEnd: number;
  display: boolean;
  open: string;
}
export interface GeneratedDoc {
  text: string;
  formulas: GeneratedFormula[];
  labels: string[];
}
export declare const REFERENCE_BYTES: number;
export declare const NOTE_BYTES: number;
export declare const DEFAULT_SEED: number;
export declare const DEFAULT_BENCH_DIR: string;
export declare function generateDoc(options?: { bytes?: number; seed?: number }): GeneratedDoc;
export declare function writeDocs(dir: string, options?: { bytes?: number; noteBytes?: number; seed?: number }): Record<'reference' | 'note', { file: string; formulas: string; bytes: number; count: number; display: number }>;
