import * as assert from 'assert';
import { claimInterval, overlaps, relativeChange, divide, stepOf } from '../../server/src/core/checks/tolerance';
import type { Claim } from '../../server/src/core/types';

function claim(value: number, step: number, qualifier: Claim['qualifier'] = 'exact', upper: number | null = null, vague = false): Claim {
  return {
    text: '', start: 0, end: 0, kind: 'count', value, upper, unit: '', qualifier, date: null, subject: '',
    numeral: String(value), scale: '', unitText: '', qualifierText: '', step, style: 'arabic', vague, qualifierWords: [],
  };
}

describe('checks/tolerance', () => {
  it('a figure stands for the values that round to it (38.87亿 → [38.865亿, 38.875亿])', () => {
    const i = claimInterval(claim(3887000000, 1e6))!;
    assert.strictEqual(i.lo, 3886500000);
    assert.strictEqual(i.hi, 3887500000);
  });

  it('超 opens the interval above, 不足 below; 近 stays within a fifth below', () => {
    assert.strictEqual(claimInterval(claim(120000, 10000, 'over'))!.hi, Infinity);
    assert.strictEqual(claimInterval(claim(120000, 10000, 'over'))!.lo, 115000);
    const nearly = claimInterval(claim(500000, 10000, 'nearly'))!;
    assert.strictEqual(nearly.lo, 400000);
    assert.strictEqual(nearly.hi, 505000);
    assert.strictEqual(claimInterval(claim(500000, 10000, 'under'))!.lo, 0);
  });

  it('约 widens by one unit of the last digit each way', () => {
    const i = claimInterval(claim(130000, 10000, 'about'))!;
    assert.deepStrictEqual(i, { lo: 120000, hi: 140000 });
  });

  it('ranges and vague amounts keep their bounds', () => {
    assert.deepStrictEqual(claimInterval(claim(30000, 10000, 'exact', 50000)), { lo: 25000, hi: 55000 });
    assert.deepStrictEqual(claimInterval(claim(100000, 100000, 'about', 900000, true)), { lo: 100000, hi: 900000 });
  });

  it('超12万 and 12.6万 agree; 约13万 and 12.6万 agree; 12万 and 12.6万 do not', () => {
    const exact126 = claimInterval(claim(126000, 1000))!;
    assert.ok(overlaps(claimInterval(claim(120000, 10000, 'over'))!, exact126));
    assert.ok(overlaps(claimInterval(claim(130000, 10000, 'about'))!, exact126));
    assert.ok(!overlaps(claimInterval(claim(120000, 10000))!, exact126));
  });

  it('relative change of intervals brackets the point change', () => {
    const r = relativeChange(claimInterval(claim(86.4, 0.1))!, claimInterval(claim(103.7, 0.1))!)!;
    assert.ok(r.lo < 20.02 && r.hi > 20.02);
    assert.ok(r.lo > 19.85 && r.hi < 20.2);
    assert.strictEqual(divide({ lo: 1, hi: 2 }, { lo: 0, hi: 1 }), null);
  });

  it('the step falls back to the last written decimal', () => {
    assert.strictEqual(stepOf({ step: 0, value: 1.25, numeral: '1.25' }), 0.01);
    assert.strictEqual(stepOf({ step: 0, value: 3, numeral: '3' }), 1);
  });
});
