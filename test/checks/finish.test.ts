// Drafts become findings: the configured severity, 'off' rules dropped, a rule's duplicate at
// one place dropped (the first kept), silenced lines dropped, each file's findings by offset
// and files in input order.
import * as assert from 'assert';
import { finishFindings } from '../../server/src/core/checks';
import type { Draft } from '../../server/src/core/checks/rule';
import type { RuleCode } from '../../server/src/core/checks/types';

const draft = (path: string, code: RuleCode, start: number, end: number, word: string): Draft => ({
  code,
  path,
  start,
  end,
  message: { en: word, zh: word },
  related: [],
  fixes: [],
});

describe('finishing drafts into findings', () => {
  const text = '营收12亿元，利润3亿元。\n<!-- zh-figures-disable-line missing-unit -->第二行5亿。';
  const second = text.indexOf('第二行');
  const drafts = [
    draft('b.txt', 'missing-unit', 9, 12, 'b-late'),
    draft('a.txt', 'missing-unit', 5, 8, 'first'),
    draft('a.txt', 'scale-slip', 2, 5, 'scale'),
    draft('a.txt', 'missing-unit', 5, 8, 'second, same place'),
    draft('a.txt', 'conflicting-values', 5, 8, 'another rule, same place'),
    draft('a.txt', 'missing-unit', 5, 9, 'same start, longer'),
    draft('a.txt', 'approx-redundant', 0, 2, 'turned off'),
    draft('a.txt', 'missing-unit', second + 3, second + 5, 'silenced'),
    draft('b.txt', 'missing-unit', 1, 3, 'b-early'),
  ];
  const severity = (code: RuleCode) => (code === 'approx-redundant' ? 'off' : code === 'scale-slip' ? 'error' : 'hint');
  const inputs = [
    { path: 'b.txt', text: 'x'.repeat(20) },
    { path: 'a.txt', text },
  ];

  it('keeps the first of a rule at one place, orders by offset then rule, files in input order', () => {
    const found = finishFindings(drafts, inputs, severity);
    assert.deepStrictEqual(
      found.map((f) => [f.path, f.code, f.start, f.end, f.message.en, f.severity]),
      [
        ['b.txt', 'missing-unit', 1, 3, 'b-early', 'hint'],
        ['b.txt', 'missing-unit', 9, 12, 'b-late', 'hint'],
        ['a.txt', 'scale-slip', 2, 5, 'scale', 'error'],
        ['a.txt', 'conflicting-values', 5, 8, 'another rule, same place', 'hint'],
        ['a.txt', 'missing-unit', 5, 8, 'first', 'hint'],
        ['a.txt', 'missing-unit', 5, 9, 'same start, longer', 'hint'],
      ]
    );
  });

  it('lists silenced findings when asked to ignore the markers, and makes each draft one finding object', () => {
    const found = finishFindings(drafts, inputs, severity, true);
    assert.ok(found.some((f) => f.message.en === 'silenced'));
    const again = finishFindings(drafts, inputs, severity, true);
    assert.ok(found.every((f, i) => f === again[i]), 'the same drafts at the same severity: the same findings');
  });
});
