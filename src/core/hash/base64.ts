// Base64 of bytes without Buffer or btoa, so that the core encodes the same way in every host.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** RFC 4648 base64 with padding, or with `url` its URL-safe alphabet without padding (as Node's 'base64url'). */
export function base64(bytes: Uint8Array, url = false): string {
  const abc = url ? URL_ALPHABET : ALPHABET;
  const parts: string[] = [];
  let chunk = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk += abc[n >>> 18]! + abc[(n >>> 12) & 63]! + abc[(n >>> 6) & 63]! + abc[n & 63]!;
    // Joined in pieces: one string grown by millions of appends is slow to flatten.
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  const rest = bytes.length - i;
  if (rest) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    chunk += abc[n >>> 18]! + abc[(n >>> 12) & 63]! + (rest === 2 ? abc[(n >>> 6) & 63]! : url ? '' : '=') + (url ? '' : '=');
  }
  parts.push(chunk);
  return parts.join('');
}
