// The diagnostics of a document's previous version that a new version can publish unchanged.
// A finding after an edit has new offsets but, unless the edit added or removed a line, the very
// same lines and characters: the finding the previous version had there (same rule, message
// and places, mapped through the edit) had the same diagnostic. Findings on the edited lines,
// and findings that name another report, are made afresh; when lines were added or removed,
// so is everything below the edit.
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../core/checks/types';
import { changeBetween } from '../core/text-change';

export interface PublishedVersion {
  text: string;
  findings: Finding[];
  diagnostics: Diagnostic[];
}

const isBreak = (c: number) => c === 10 || c === 13;

function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}


/** A lookup of the previous version's diagnostic for a finding of `text`. */
export function reusableDiagnostics(previous: PublishedVersion, text: string, maxRelated: number): ((f: Finding, i?: number) => Diagnostic | undefined) | undefined {
  if (previous.diagnostics.length === 0) return undefined;
  const change = changeBetween(previous.text, text);
  // A line added or removed moves every line below it: only what is above can be reused.
  const linesMoved = lineBreaks(previous.text, change.start, change.oldEnd) !== lineBreaks(text, change.start, change.newEnd);
  // The edited lines of the new text: positions on them moved within their line.
  let touchedFrom = change.start;
  while (touchedFrom > 0 && !isBreak(text.charCodeAt(touchedFrom - 1))) touchedFrom--;
  let touchedTo = change.newEnd;
  while (touchedTo < text.length && !isBreak(text.charCodeAt(touchedTo))) touchedTo++;
  const delta = change.newEnd - change.oldEnd;
  /** The offset in the previous text, or -1 on an edited line. */
  const back = (o: number) => (o < touchedFrom ? o : o > touchedTo && !linesMoved ? o - delta : -1);
  // Per start offset, the previous findings there (few): numbers as keys, nothing built per
  // lookup (this runs for every finding on every keystroke). Made at the first finding that
  // is not the very object it was.
  let index: Map<number, number | number[]> | undefined;
  const indexed = () => {
    const made = new Map<number, number | number[]>();
    previous.findings.forEach((g, i) => {
      const there = made.get(g.start);
      if (there === undefined) made.set(g.start, i);
      else if (typeof there === 'number') made.set(g.start, [there, i]);
      else there.push(i);
    });
    return made;
  };
  const find = (code: string, start: number, end: number): number => {
    const there = (index ??= indexed()).get(start);
    if (there === undefined) return -1;
    if (typeof there === 'number') {
      const g = previous.findings[there];
      return g.end === end && g.code === code ? there : -1;
    }
    for (const i of there) {
      const g = previous.findings[i];
      if (g.end === end && g.code === code) return i;
    }
    return -1;
  };
  /** Wholly above the edited line, in this report: the very finding reads the same there. */
  const above = (f: Finding) => {
    if (f.end >= touchedFrom) return false;
    const shown = Math.min(f.related.length, maxRelated);
    for (let k = 0; k < shown; k++) {
      const r = f.related[k];
      if (r.path !== f.path || r.end >= touchedFrom) return false;
    }
    return true;
  };
  return (f, at) => {
    // Before the edit, the findings are mostly the previous objects, at the same index.
    if (at !== undefined && previous.findings[at] === f && above(f)) return previous.diagnostics[at];
    const start = back(f.start);
    const end = back(f.end);
    if (start < 0 || end < 0) return undefined;
    const i = find(f.code, start, end);
    if (i < 0) return undefined;
    const g = previous.findings[i];
    if (g.severity !== f.severity || g.message.en !== f.message.en || g.message.zh !== f.message.zh) return undefined;
    const shown = Math.min(f.related.length, maxRelated);
    if (Math.min(g.related.length, maxRelated) !== shown) return undefined;
    for (let k = 0; k < shown; k++) {
      const r = f.related[k];
      const o = g.related[k];
      if (r.path !== f.path || o.path !== g.path) return undefined; // another report may have changed too
      if (back(r.start) !== o.start || back(r.end) !== o.end || r.message.en !== o.message.en || r.message.zh !== o.message.zh) return undefined;
    }
    return previous.diagnostics[i];
  };
}
