// Types for hugeDocument.mjs (imported by test/unit/helpers/hugeDocument.ts).
export declare function hugeDocument(target: number): { text: string; distinct: number };
export declare const HUGE_BYTES: number;
