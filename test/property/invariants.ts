// The invariants every analysis must satisfy, whatever the input: spans inside the text on
// UTF-16 boundaries, the quoted text equal to the slice, finite values, positions that agree
// with an independent LSP implementation. Shared by the property tests and the soak test.
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../server/src/core/checks/types';
import { LineIndex } from '../../server/src/core/position';
import type { DocumentAnalysis } from '../../server/src/core/types';

/** How many random cases each property runs; ZHF_FUZZ_RUNS=10000 for a long local run. */
export function runs(defaultRuns: number): number {
  const n = Number(process.env.ZHF_FUZZ_RUNS);
  return Number.isFinite(n) && n > 0 ? Math.round(n) : defaultRuns;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** True when offset `i` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

/** Short, printable form of an input for assertion messages. */
export function show(text: string): string {
  const head = text.length > 120 ? `${text.slice(0, 120)}… (${text.length} chars)` : text;
  return JSON.stringify(head);
}

export function assertSpan(text: string, start: number, end: number, what: string, quoted?: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: non-integer offsets ${start}-${end} in ${show(text)}`);
  assert.ok(start >= 0 && end <= text.length, `${what}: span ${start}-${end} outside text of length ${text.length}: ${show(text)}`);
  assert.ok(start < end, `${what}: empty or reversed span ${start}-${end} in ${show(text)}`);
  assert.ok(!splitsPair(text, start) && !splitsPair(text, end), `${what}: span ${start}-${end} splits a surrogate pair in ${show(text)}`);
  if (quoted !== undefined) assert.strictEqual(quoted, text.slice(start, end), `${what}: text differs from the slice ${start}-${end} in ${show(text)}`);
}

const finiteOrNull = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));

/** Every structural invariant of one analysis of `text`. */
export function assertAnalysisInvariants(text: string, a: DocumentAnalysis): void {
  assert.strictEqual(a.text, text, 'analysis.text is not the input');
  for (const c of a.claims) {
    assertSpan(text, c.start, c.end, `claim ${show(c.text)}`, c.text);
    assert.ok(finiteOrNull(c.value), `claim ${show(c.text)}: value ${c.value} in ${show(text)}`);
    assert.ok(finiteOrNull(c.upper), `claim ${show(c.text)}: upper ${c.upper} in ${show(text)}`);
    assert.ok(typeof c.step === 'number' && !Number.isNaN(c.step), `claim ${show(c.text)}: step ${c.step}`);
    assert.ok(c.date === null || typeof c.date === 'string', `claim ${show(c.text)}: date ${c.date}`);
    assert.strictEqual(typeof c.subject, 'string');
    assert.strictEqual(typeof c.unit, 'string');
  }
  for (let i = 1; i < a.claims.length; i++) {
    assert.ok(a.claims[i - 1].start <= a.claims[i].start, `claims out of order in ${show(text)}`);
  }
  for (const e of a.entities) assertSpan(text, e.start, e.end, `entity ${show(e.text)}`, e.text);
  for (const p of a.paragraphs) {
    assert.ok(p.start >= 0 && p.start < p.end && p.end <= text.length, `paragraph ${p.start}-${p.end} outside text`);
  }
}

/** Findings point into their document; fixes edit inside it without overlapping. */
export function assertFindingInvariants(texts: Map<string, string>, findings: Finding[]): void {
  for (const f of findings) {
    const text = texts.get(f.path);
    assert.ok(text !== undefined, `finding ${f.code} for unknown path ${f.path}`);
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `finding ${f.code} ${f.start}-${f.end} outside text of length ${text.length}: ${show(text)}`);
    assert.ok(f.message.en && f.message.zh, `finding ${f.code} without a message in both languages`);
    for (const r of f.related) {
      const t = texts.get(r.path);
      assert.ok(t !== undefined && r.start >= 0 && r.start <= r.end && r.end <= t.length, `finding ${f.code}: related ${r.start}-${r.end} outside ${r.path}`);
    }
    for (const fix of f.fixes) {
      const edits = [...fix.edits].sort((x, y) => x.start - y.start);
      for (let i = 0; i < edits.length; i++) {
        const e = edits[i];
        assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `finding ${f.code}: fix edit ${e.start}-${e.end} outside text`);
        if (i > 0) assert.ok(edits[i - 1].end <= e.start, `finding ${f.code}: overlapping fix edits`);
      }
    }
  }
}

/** LineIndex agrees with vscode-languageserver-textdocument at the given offsets, both ways. */
export function assertPositionsAgree(text: string, offsets: number[]): void {
  const idx = new LineIndex(text);
  const ref = TextDocument.create('file:///x.txt', 'plaintext', 1, text);
  for (const o of offsets) {
    const p = idx.positionAt(o);
    assert.deepStrictEqual(p, ref.positionAt(o), `positionAt(${o}) differs from the LSP reference in ${show(text)}`);
    assert.strictEqual(idx.offsetAt(p), ref.offsetAt(p), `offsetAt(${JSON.stringify(p)}) differs in ${show(text)}`);
    // An offset inside a CRLF pair has no position of its own; elsewhere the round trip is exact.
    const insideCrlf = o > 0 && o < text.length && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10;
    if (!insideCrlf && o >= 0 && o <= text.length) assert.strictEqual(idx.offsetAt(p), o, `offset ${o} does not round-trip in ${show(text)}`);
  }
}
