// Types for hostileTex.mjs (imported by test/unit/hardeningTex.test.ts).
export declare const HOSTILE_TEX: ReadonlyArray<readonly [name: string, tex: string]>;
export declare function documentWith(tex: string): string;
