// The diagnostics of a document's previous version that a new version can publish unchanged.
// A finding after an edit has new offsets but, unless the edit added or removed a line, the very
// same lines and characters: the finding the previous version had there (same rule, message
// and places, mapped through the edit) had the same diagnostic. Findings on the edited lines,
// and findings that name another report, are made afresh; when lines were added or removed,
// so is everything below the edit.
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../core/checks/types';
import { firstIndex } from '../core/bisect';
import { changeBetween } from '../core/text-change';

export interface PublishedVersion {
  text: string;
  /** In offset order (by start), as published. */
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
export function reusableDiagnostics(previous: PublishedVersion, text: string, maxRelated: number): ((f: Finding, at?: number) => Diagnostic | undefined) | undefined {
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
  // The previous finding of a rule at a place: found by bisection, the published findings being
  // in offset order, so that nothing is built per keystroke (this runs for every finding).
  const olds = previous.findings;
  const find = (code: string, start: number, end: number): number => {
    for (let i = firstIndex(0, olds.length, (k) => olds[k].start >= start); i < olds.length && olds[i].start === start; i++) {
      const g = olds[i];
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
