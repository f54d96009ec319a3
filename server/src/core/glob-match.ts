// Glob matching for `ignore` patterns without regular-expression backtracking. Patterns come
// from `.zh-figures.json`, i.e. from the workspace: a pattern such as "*a*a*a*a*a*a*a*a*a*a*b"
// made the RegExp form take seconds per path (a cloned repository could stall the server).
// Here the pattern is run as a set of states over the path: O(pattern × path), always.
// Same language as globToRegExp in config.ts: ** any depth, * and ? within a name, a pattern
// without a slash matches at any depth, a leading / anchors, a folder matches its contents.

type Token = { kind: 'lit'; ch: string } | { kind: 'one' } | { kind: 'star' } | { kind: 'globstar' } | { kind: 'dirs' };

function tokenize(pattern: string): { tokens: Token[]; anchored: boolean } {
  let p = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  const anchored = p.startsWith('/');
  if (anchored) p = p.slice(1);
  const tokens: Token[] = [];
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '*' && p[i + 1] === '*') {
      if (p[i + 2] === '/') {
        tokens.push({ kind: 'dirs' }); // (?:.*/)?
        i += 2;
      } else {
        tokens.push({ kind: 'globstar' }); // .*
        i += 1;
      }
    } else if (ch === '*') tokens.push({ kind: 'star' });
    else if (ch === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'lit', ch });
  }
  // Unanchored patterns without a slash match at any depth: a leading (?:.*/)?.
  if (!anchored && !p.includes('/')) tokens.unshift({ kind: 'dirs' });
  return { tokens, anchored };
}

/** Does a '/'-separated relative path match the glob? */
export function globMatch(pattern: string, path: string): boolean {
  const { tokens } = tokenize(pattern);
  const n = tokens.length;
  // State 2i: before token i. State 2i+1: inside a 'dirs' token i (after some chars, needs a '/').
  // State 2n: pattern done; 2n+1: in the "/anything" suffix (a folder matches its contents).
  const DONE = 2 * n;
  const SUFFIX = DONE + 1;
  let current = new Set<number>();
  const add = (set: Set<number>, s: number): void => {
    if (set.has(s)) return;
    set.add(s);
    // Epsilon moves: wildcard tokens may match nothing.
    if (s % 2 === 0 && s < DONE) {
      const t = tokens[s / 2];
      if (t.kind === 'star' || t.kind === 'globstar' || t.kind === 'dirs') add(set, s + 2);
    }
  };
  add(current, 0);
  // UTF-16 units, as the RegExp form without the u flag sees them.
  for (let k = 0; k < path.length; k++) {
    const ch = path[k];
    const next = new Set<number>();
    for (const s of current) {
      if (s === SUFFIX) {
        add(next, SUFFIX);
        continue;
      }
      if (s === DONE) {
        if (ch === '/') add(next, SUFFIX);
        continue;
      }
      const i = s >> 1;
      const t = tokens[i];
      if (s % 2 === 1) {
        // Inside (?:.*/)?: any character continues; a '/' may also end it.
        add(next, s);
        if (ch === '/') add(next, 2 * (i + 1));
        continue;
      }
      switch (t.kind) {
        case 'lit':
          if (ch === t.ch) add(next, s + 2);
          break;
        case 'one':
          if (ch !== '/') add(next, s + 2);
          break;
        case 'star':
          if (ch !== '/') add(next, s);
          break;
        case 'globstar':
          add(next, s);
          break;
        case 'dirs':
          add(next, s + 1);
          if (ch === '/') add(next, s + 2);
          break;
      }
    }
    if (next.size === 0) return false;
    current = next;
  }
  return current.has(DONE) || current.has(SUFFIX);
}
