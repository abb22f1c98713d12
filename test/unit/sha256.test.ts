// The core's own SHA-256 and base64 (src/core/hash) give what node:crypto and Buffer give: the
// typeset keys made with them are the ones made before, in any host.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { base64 } from '../../src/core/hash/base64';
import { sha256 } from '../../src/core/hash/sha256';

function samples(): string[] {
  const out = ['', 'a', 'abc', 'é€𝑥', '\ud800 lone surrogates \udc00', '\\frac{a}{b}', '∑'.repeat(5_000), 'y'.repeat(200_000)];
  // Every length around the 64-byte blocks and the 56-byte padding limit, in one- to four-byte UTF-8.
  for (let n = 0; n < 140; n++) {
    out.push(
      'x'.repeat(n),
      'é'.repeat(n),
      Array.from({ length: n }, (_, i) => String.fromCodePoint(((i * 7919 + n) % 0x2ffff) + 1)).join(''),
    );
  }
  return out;
}

test("sha256 equals node:crypto's SHA-256 of the UTF-8 text", () => {
  for (const text of samples()) {
    assert.equal(base64(sha256(text), true), createHash('sha256').update(text).digest('base64url'), `length ${text.length}`);
  }
});

test("base64 equals Buffer's base64 and base64url", () => {
  for (const text of samples()) {
    const bytes = Buffer.from(text, 'utf8');
    assert.equal(base64(new Uint8Array(bytes)), bytes.toString('base64'));
    assert.equal(base64(new Uint8Array(bytes), true), bytes.toString('base64url'));
  }
});
