import * as assert from 'assert';
import { findMarkers, mentionsMarker, Suppressions } from '../../server/src/core/checks/suppressions';
import { prng } from '../support/prng';
import { checkText } from './helpers';
import { findingsByPath } from '../../server/src/core/checks';

const BAD = '营收从86.4亿元增长到103.7亿元，增长25.6%。';

describe('checks/suppressions', () => {
  it('parses markers with and without rule lists, in HTML comments too', () => {
    const m = findMarkers('a <!-- zh-figures-disable-line growth-mismatch, share-mismatch -->\nzh-figures-disable-next-line\n<!-- zh-figures-disable-file -->');
    assert.deepStrictEqual(m.map((x) => [x.kind, x.codes, x.line]), [
      ['disable-line', ['growth-mismatch', 'share-mismatch'], 0],
      ['disable-next-line', [], 1],
      ['disable-file', [], 2],
    ]);
  });

  it('disable-line silences only the named rule on that line', () => {
    assert.strictEqual(checkText(BAD).length, 1);
    assert.strictEqual(checkText(`${BAD} <!-- zh-figures-disable-line growth-mismatch -->`).length, 0);
    assert.strictEqual(checkText(`${BAD} zh-figures-disable-line share-mismatch`).length, 1);
    assert.strictEqual(checkText(`${BAD} zh-figures-disable-line`).length, 0);
  });

  it('disable-next-line silences the following line only', () => {
    const text = `<!-- zh-figures-disable-next-line growth-mismatch -->\n${BAD}\n${BAD}`;
    const seen = checkText(text);
    assert.deepStrictEqual(seen.map((s) => s.line), [2]);
  });

  it('disable-file and disable/enable blocks', () => {
    assert.strictEqual(checkText(`zh-figures-disable-file growth-mismatch\n${BAD}\n${BAD}`).length, 0);
    const block = `${BAD}\nzh-figures-disable\n${BAD}\nzh-figures-enable\n${BAD}`;
    assert.deepStrictEqual(checkText(block).map((s) => s.line), [0, 4]);
  });

  it('an unrelated edit elsewhere does not bring a silenced finding back', () => {
    const before = `第一段。\n${BAD} zh-figures-disable-line\n最后一段。`;
    const after = `新加的一段文字，2023年的营收很好。\n第一段，改了。\n${BAD} zh-figures-disable-line\n最后一段。`;
    assert.strictEqual(checkText(before).length, 0);
    assert.strictEqual(checkText(after).filter((s) => s.code === 'growth-mismatch').length, 0);
  });

  it('isSuppressed answers by line and code', () => {
    const s = new Suppressions('x\n<!-- zh-figures-disable-next-line invalid-date -->\n2023年2月29日');
    const offset = 'x\n<!-- zh-figures-disable-next-line invalid-date -->\n'.length;
    assert.ok(s.isSuppressed('invalid-date', offset));
    assert.ok(!s.isSuppressed('weekday-mismatch', offset));
    assert.ok(!s.isSuppressed('invalid-date', 0));
  });
});

describe('whether a text names a marker, asked version after version', () => {
  it('answers as a scan of the whole text does, whatever the edits (a marker typed, joined, cut)', () => {
    const rnd = prng(5);
    const pieces = ['zh-', 'figures-', 'zh-figures-', 'disable-line', '营收', '12亿', '\n', 'z', 'h', '-'];
    let text = '营收12亿元。\n';
    for (let step = 0; step < 2000; step++) {
      const at = Math.floor(rnd() * (text.length + 1));
      if (rnd() < 0.4 && text.length > 0) {
        const end = Math.min(text.length, at + 1 + Math.floor(rnd() * 12));
        text = text.slice(0, at) + text.slice(end);
      } else text = text.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + text.slice(at);
      if (text.length > 400) text = text.slice(200);
      assert.strictEqual(mentionsMarker(text), text.includes('zh-figures-'), `step ${step}: ${JSON.stringify(text)}`);
    }
  });
});

describe('findings by path', () => {
  it('groups findings per file in one pass, each list in the order given', () => {
    const f = (path: string, start: number) => ({ code: 'missing-unit' as const, severity: 'hint' as const, path, start, end: start + 1, message: { en: '', zh: '' }, related: [], fixes: [] });
    const all = [f('a', 1), f('b', 2), f('a', 3), f('c', 0), f('b', 1)];
    const byPath = findingsByPath(all);
    assert.deepStrictEqual([...byPath.keys()], ['a', 'b', 'c']);
    assert.deepStrictEqual(byPath.get('a')!.map((x) => x.start), [1, 3]);
    assert.deepStrictEqual(byPath.get('b')!.map((x) => x.start), [2, 1]);
    assert.strictEqual(byPath.get('missing'), undefined);
  });
});
