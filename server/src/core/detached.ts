// A copy of a string that does not keep the string it was cut from alive. V8 slices of 13 or
// more characters point into their parent, so a short word kept from a slice of a document
// (a cache key, a paragraph's text, a window) would pin that whole version of the document:
// an open 1 MB report leaked about 1 MB of old versions per edit. Slicing a concatenation
// forces a flat copy.
export function detached(s: string): string {
  return s.length < 13 ? s : (s + '\u0000').slice(0, -1);
}
