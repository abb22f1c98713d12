// Types for chromiumFlags.mjs (imported by test/browser/chromium.ts).
export declare const CHROMIUM_FLAGS: readonly string[];
