// A new version publishes the previous version's diagnostic of a finding only where it reads
// the same: same rule, message and places mapped through the edit, no line added or removed,
// nothing on an edited line. Anything else is made afresh.
import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../../server/src/core/checks/types';
import { reusableDiagnostics } from '../../server/src/lsp/diagnostic-reuse';

const finding = (start: number, end: number, en = 'm', related: [number, number][] = [], code: Finding['code'] = 'missing-unit'): Finding => ({
  code,
  severity: 'hint',
  path: 'file:///r.txt',
  start,
  end,
  message: { en, zh: en },
  related: related.map(([s, e]) => ({ path: 'file:///r.txt', start: s, end: e, message: { en: 'r', zh: 'r' } })),
  fixes: [],
});

describe('diagnostics reused across versions', () => {
  // Three lines; findings on the first and the third.
  const before = '第一行3亿。\n第二行文字。\n第三行5亿。';
  const findings = [finding(3, 5), finding(16, 18, 'm', [[3, 5]])];
  const diagnostics = findings.map((f) => ({ message: `d${f.start}` }) as Diagnostic);
  const previous = { text: before, findings, diagnostics };

  it('reuses what an edit on another line moved, not what is on the edited line', () => {
    const after = before.replace('第二行', '第二行的');
    const reuse = reusableDiagnostics(previous, after, 5)!;
    assert.strictEqual(reuse(finding(3, 5)), diagnostics[0], 'before the edit');
    assert.strictEqual(reuse(finding(17, 19, 'm', [[3, 5]])), diagnostics[1], 'after it, moved by one');
    const onLine = before.replace('第一行', '第一行的');
    assert.strictEqual(reusableDiagnostics(previous, onLine, 5)!(finding(4, 6)), undefined, 'on the edited line');
  });

  it('makes afresh what changed: message, places, related', () => {
    const after = before.replace('第二行', '第二行的');
    const reuse = reusableDiagnostics(previous, after, 5)!;
    assert.strictEqual(reuse(finding(3, 5, 'other')), undefined);
    assert.strictEqual(reuse(finding(17, 19, 'm', [[3, 6]])), undefined);
    assert.strictEqual(reuse(finding(16, 18, 'm', [[3, 5]])), undefined, 'not moved with the edit');
  });

  it('reuses only what is above the edit when a line was added or removed', () => {
    const split = reusableDiagnostics(previous, before.replace('第二行', '第二\n行'), 5)!;
    assert.strictEqual(split(finding(3, 5)), diagnostics[0], 'above the edit');
    assert.strictEqual(split(finding(17, 19, 'm', [[3, 5]])), undefined, 'below it, on another line now');
    const joined = reusableDiagnostics(previous, before.replace('\n第二行文字。', ''), 5)!;
    assert.strictEqual(joined(finding(9, 11, 'm', [[3, 5]])), undefined);
  });

  it('tells apart findings that start at one place: by end and by rule', () => {
    const text = '第一行3亿元。\n第二行文字。';
    const at3 = [finding(3, 5), finding(3, 6), finding(3, 5, 'm', [], 'scale-slip')];
    const shown = at3.map((f, i) => ({ message: `d${i}` }) as Diagnostic);
    const reuse = reusableDiagnostics({ text, findings: at3, diagnostics: shown }, text.replace('第二行', '第二行的'), 5)!;
    assert.strictEqual(reuse(finding(3, 6)), shown[1]);
    assert.strictEqual(reuse(finding(3, 5, 'm', [], 'scale-slip')), shown[2]);
    assert.strictEqual(reuse(finding(3, 5)), shown[0]);
    assert.strictEqual(reuse(finding(3, 7)), undefined);
  });

  it('the very finding at its index above the edited line is its diagnostic; below, or pointing below, it is looked up', () => {
    const text = '第一行3亿。\n第二行文字。\n第三行5亿。';
    const kept = [finding(3, 5), finding(4, 5, 'm', [[16, 18]]), finding(16, 18)];
    const shown = kept.map((f, i) => ({ message: `d${i}` }) as Diagnostic);
    const reuse = reusableDiagnostics({ text, findings: kept, diagnostics: shown }, text.replace('第二行', '第二行的'), 5)!;
    assert.strictEqual(reuse(kept[0], 0), shown[0], 'above the edit');
    assert.strictEqual(reuse(kept[0], 1), shown[0], 'at another index: found by its place');
    // Pointing past the edit with unchanged offsets: a stale place, made afresh.
    assert.strictEqual(reuse(kept[1], 1), undefined, 'its related location did not move with the edit');
    assert.strictEqual(reuse(kept[2], 2), undefined, 'below the edit and not moved with it');
    const onLine = reusableDiagnostics({ text, findings: kept, diagnostics: shown }, text.replace('第一行', '第一行的'), 5)!;
    assert.strictEqual(onLine(kept[0], 0), undefined, 'on the edited line');
  });
});
