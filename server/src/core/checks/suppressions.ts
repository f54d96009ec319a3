// Inline silencing markers, for plain-text and Markdown reports alike (inside <!-- … --> in
// Markdown, anywhere on a line in plain text):
//
//   zh-figures-disable-line [code …]        this line
//   zh-figures-disable-next-line [code …]   the next line
//   zh-figures-disable [code …]             from here until zh-figures-enable [code …]
//   zh-figures-enable [code …]
//   zh-figures-disable-file [code …]        the whole file
//
// No codes means every rule. Markers are found afresh in the current text each time, so a
// silenced finding stays silenced after any edit that keeps its marker next to it.
import { LineIndex } from '../position';
import { changeBetween } from '../text-change';
import type { Finding, RuleCode } from './types';

export type MarkerKind = 'disable-line' | 'disable-next-line' | 'disable' | 'enable' | 'disable-file';

export interface SuppressionMarker {
  kind: MarkerKind;
  /** Rule codes named after the marker; empty = all rules. */
  codes: string[];
  /** 0-based line of the marker. */
  line: number;
  start: number;
  end: number;
}

const MARKER = /zh-figures-(disable-next-line|disable-line|disable-file|disable|enable)\b((?:[ \t,:，]+[a-z0-9]+(?:-[a-z0-9]+)*)*)/g;

export function findMarkers(text: string): SuppressionMarker[] {
  const index = new LineIndex(text);
  const out: SuppressionMarker[] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    const codes = m[2]
      .split(/[ \t,:，]+/)
      .map((s) => s.trim())
      .filter((s) => s && s !== '--');
    out.push({ kind: m[1] as MarkerKind, codes, line: index.positionAt(m.index).line, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Which (line, code) pairs the markers of one text silence. */
export class Suppressions {
  private readonly index: LineIndex;
  private readonly markers: SuppressionMarker[];

  constructor(text: string) {
    this.index = new LineIndex(text);
    this.markers = findMarkers(text);
  }

  get all(): readonly SuppressionMarker[] {
    return this.markers;
  }

  isSuppressed(code: RuleCode, offset: number): boolean {
    const line = this.index.positionAt(offset).line;
    const names = (m: SuppressionMarker) => m.codes.length === 0 || m.codes.includes(code);
    let blockOn = false;
    for (const m of this.markers) {
      if (!names(m)) continue;
      switch (m.kind) {
        case 'disable-file':
          return true;
        case 'disable-line':
          if (m.line === line) return true;
          break;
        case 'disable-next-line':
          if (m.line + 1 === line) return true;
          break;
        case 'disable':
          if (m.line <= line) blockOn = true;
          break;
        case 'enable':
          if (m.line <= line) blockOn = false;
          break;
      }
    }
    return blockOn;
  }
}

/** Drop the findings of one file that its markers silence. */
export function applySuppressions(findings: Finding[], text: string): Finding[] {
  if (!mentionsMarker(text)) return findings;
  const s = new Suppressions(text);
  return findings.filter((f) => !s.isSuppressed(f.code, f.start));
}

const MARKER_PREFIX = 'zh-figures-';

/** The last text asked about, and whether it names a marker. */
let lastScanned: { text: string; has: boolean } | undefined;

/**
 * Does the text name a marker at all? Asked on every keystroke of a long report: when the
 * version before named none, only the span the edit changed (and a marker's length around it)
 * can, instead of the whole text.
 */
export function mentionsMarker(text: string): boolean {
  if (lastScanned?.text === text) return lastScanned.has;
  let has: boolean;
  if (lastScanned && !lastScanned.has) {
    const change = changeBetween(lastScanned.text, text);
    const from = Math.max(0, change.start - MARKER_PREFIX.length + 1);
    has = text.slice(from, change.newEnd + MARKER_PREFIX.length - 1).includes(MARKER_PREFIX);
  } else has = text.includes(MARKER_PREFIX);
  lastScanned = { text, has };
  return has;
}
