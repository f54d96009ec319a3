// Stable ids for marks: a short hash of the anchor at creation. Two windows marking the same
// claim at once get the same id, so their writes merge into one mark instead of two.

/** cyrb53: a fast 53-bit string hash (public domain), enough to tell a workspace's marks apart. */
function hash53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** "m-" and 12 hex digits; `taken` ids (of other anchors) push it to a variant. */
export function annotationId(file: string, claim: string, before: string, after: string, taken?: (id: string) => boolean): string {
  const key = `${file}\u0000${claim}\u0000${before}\u0000${after}`;
  for (let seed = 0; ; seed++) {
    const id = 'm-' + hash53(key, seed).toString(16).padStart(14, '0').slice(-12);
    if (!taken?.(id)) return id;
  }
}
