import * as assert from 'assert';
import type { Claim } from '../../server/src/core/types';
import {
  claimLabel,
  conversions,
  convert,
  currency,
  dateDetails,
  dateSpan,
  englishScale,
  englishScaleText,
  fullValue,
  groupDigits,
  inlayText,
  intervalText,
  qualifierSentence,
  unitText,
  wanYiForm,
  weekday,
} from '../../server/src/core/format';

function claim(over: Partial<Claim>): Claim {
  return {
    text: '',
    start: 0,
    end: 0,
    kind: 'count',
    value: null,
    upper: null,
    unit: '',
    qualifier: 'exact',
    date: null,
    subject: '',
    numeral: '',
    scale: '',
    unitText: '',
    qualifierText: '',
    step: 1,
    style: 'arabic',
    vague: false,
    qualifierWords: [],
    ...over,
  };
}

describe('format', () => {
  describe('groupDigits', () => {
    it('groups thousands', () => {
      assert.strictEqual(groupDigits(3887000000), '3,887,000,000');
      assert.strictEqual(groupDigits(640000), '640,000');
      assert.strictEqual(groupDigits(987), '987');
      assert.strictEqual(groupDigits(-1260582), '-1,260,582');
    });
    it('removes floating-point noise', () => {
      assert.strictEqual(groupDigits(38.87 * 1e8), '3,887,000,000');
      assert.strictEqual(groupDigits(0.1 + 0.2), '0.3');
    });
    it('keeps decimals', () => {
      assert.strictEqual(groupDigits(1234.5), '1,234.5');
    });
  });

  describe('wanYiForm', () => {
    it('uses 亿 from 1e8, 万 from 1e4, 万亿 from 1e12', () => {
      assert.strictEqual(wanYiForm(3887000000), '38.87 亿');
      assert.strictEqual(wanYiForm(640000), '64 万');
      assert.strictEqual(wanYiForm(1.2e12), '1.2 万亿');
      assert.strictEqual(wanYiForm(2685), '2,685');
      assert.strictEqual(wanYiForm(38.865e8), '38.865 亿');
    });
  });

  describe('englishScale', () => {
    it('rounds to three significant digits and says when it did', () => {
      assert.deepStrictEqual(englishScale(3887000000), { text: '3.89 billion', approximate: true });
      assert.strictEqual(englishScaleText(3887000000), '≈ 3.89 billion');
      assert.strictEqual(englishScaleText(640000), '640 thousand');
      assert.strictEqual(englishScaleText(1.2e8), '120 million');
      assert.strictEqual(englishScaleText(2.5e12), '2.5 trillion');
      assert.strictEqual(englishScaleText(999), '999');
    });
  });

  describe('currency', () => {
    it('knows common ISO codes', () => {
      assert.strictEqual(currency('CNY').zh, '元');
      assert.strictEqual(currency('CNY').symbol, '¥');
      assert.strictEqual(currency('USD').zh, '美元');
      assert.strictEqual(currency('USD').symbol, '$');
      assert.strictEqual(currency('HKD').zh, '港元');
      assert.strictEqual(currency('EUR').symbol, '€');
      assert.strictEqual(currency('GBP').zh, '英镑');
      assert.strictEqual(currency('JPY').zh, '日元');
    });
    it('falls back to the code', () => {
      assert.strictEqual(currency('XYZ').zh, 'XYZ');
    });
  });

  describe('intervalText', () => {
    const over = claim({ text: '超64万项', value: 640000, unit: '项', qualifier: 'over', numeral: '64', scale: '万', unitText: '项' });
    it('turns 超 into >', () => {
      assert.strictEqual(intervalText(over), '> 640,000 项');
    });
    it('turns 近 into < … (close to)', () => {
      const c = claim({ value: 500000, unit: '条', qualifier: 'nearly' });
      assert.strictEqual(intervalText(c), '< 500,000 条 (close to)');
      assert.strictEqual(intervalText(c, 'zh'), '< 500,000 条 （接近）');
    });
    it('uses ≈ ≥ ≤ < for about, at-least, at-most, under', () => {
      assert.strictEqual(intervalText(claim({ kind: 'money', value: 1.2e8, unit: 'CNY', qualifier: 'about' })), '≈ 120,000,000 元');
      assert.strictEqual(intervalText(claim({ value: 1000, unit: '家', qualifier: 'at-least' })), '≥ 1,000 家');
      assert.strictEqual(intervalText(claim({ value: 10, unit: '%', kind: 'percent', qualifier: 'at-most' })), '≤ 10%');
      assert.strictEqual(intervalText(claim({ value: 3, unit: '个', qualifier: 'under' })), '< 3 个');
    });
    it('prints ranges as intervals', () => {
      const c = claim({ value: 30000, upper: 50000, unit: '项' });
      assert.strictEqual(intervalText(c), '30,000 – 50,000 项');
      const vague = claim({ value: 100000, upper: 1000000, unit: '人', qualifier: 'about', vague: true });
      assert.strictEqual(intervalText(vague), '100,000 – 1,000,000 人 (about)');
    });
    it('says the qualifier in words', () => {
      assert.strictEqual(qualifierSentence(over), 'over 640,000 项');
      assert.strictEqual(qualifierSentence(over, 'zh'), '超过 640,000 项');
    });
  });

  describe('labels', () => {
    it('labels a money figure with its full value', () => {
      const c = claim({ text: '38.87亿', kind: 'money', value: 38.87e8, unit: 'CNY', subject: '涉案金额', numeral: '38.87', scale: '亿' });
      assert.strictEqual(claimLabel(c), '涉案金额 · 38.87亿 = 3,887,000,000 元');
      assert.strictEqual(fullValue(c), '3,887,000,000 元');
      assert.strictEqual(fullValue(c, 'en'), '3,887,000,000 CNY');
    });
    it('labels a qualified count with its relation', () => {
      const c = claim({ text: '超64万项', value: 640000, unit: '项', qualifier: 'over', subject: '知识产权权利' });
      assert.strictEqual(claimLabel(c), '知识产权权利 · 超64万项 > 640,000 项');
      assert.strictEqual(inlayText(c), '> 640,000 项');
    });
    it('labels dates with their ISO form', () => {
      const c = claim({ text: '2021年3月31日', kind: 'date', date: '2021-03-31' });
      assert.strictEqual(claimLabel(c), '2021年3月31日 = 2021-03-31');
      assert.strictEqual(inlayText(c), '2021-03-31');
    });
    it('names units per kind', () => {
      assert.strictEqual(unitText({ kind: 'quantity', unit: 'km2' }), '平方公里');
      assert.strictEqual(unitText({ kind: 'quantity', unit: 'km2' }, 'en'), 'km²');
      assert.strictEqual(unitText({ kind: 'quantity', unit: 'tkm' }, 'en'), 't·km');
      assert.strictEqual(unitText({ kind: 'quantity', unit: 'tce' }), '吨标准煤');
      assert.strictEqual(unitText({ kind: 'percent-point', unit: 'pp' }), '个百分点');
      assert.strictEqual(unitText({ kind: 'duration', unit: 'hour' }), '小时');
      assert.strictEqual(fullValue(claim({ kind: 'percent', value: 98, unit: '%' })), '98%');
    });
  });

  describe('conversions', () => {
    it('converts money between 万元 and 亿元', () => {
      const c = claim({ kind: 'money', value: 38.87e8, unit: 'CNY' });
      assert.ok(conversions(c).includes('388,700 万元 · 38.87 亿元'), conversions(c).join('\n'));
    });
    it('converts tonnes and kilograms', () => {
      assert.ok(conversions(claim({ kind: 'quantity', value: 100000, unit: 't' })).includes('100,000,000 公斤 (kg)'));
      assert.ok(conversions(claim({ kind: 'quantity', value: 2500, unit: 'kg' })).includes('2.5 吨 (t)'));
    });
    it('converts areas between km², ha and 亩', () => {
      const c = conversions(claim({ kind: 'quantity', value: 2, unit: 'km2' }));
      assert.deepStrictEqual(c, ['200 公顷 (ha)', '3,000 亩']);
      assert.ok(conversions(claim({ kind: 'quantity', value: 15, unit: 'mu' })).includes('1 公顷 (ha)'));
    });
    it('converts percent to a fraction and fractions to percent', () => {
      assert.deepStrictEqual(conversions(claim({ kind: 'percent', value: 98, unit: '%' })), ['0.98']);
      assert.deepStrictEqual(conversions(claim({ kind: 'fraction', value: 1 / 3, unit: '' })), ['33.3333%']);
    });
    it('has plain conversion functions', () => {
      assert.strictEqual(convert.wanToYi(388700), 38.87);
      assert.strictEqual(convert.yiToWan(38.87), 388700);
      assert.strictEqual(convert.km2ToMu(1), 1500);
      assert.strictEqual(convert.hectaresToMu(2), 30);
      assert.strictEqual(convert.percentToFraction(12.5), 0.125);
      assert.strictEqual(convert.tonnesToKg(1.5), 1500);
    });
  });

  describe('dates', () => {
    it('gives the weekday of valid dates only', () => {
      assert.deepStrictEqual(weekday('2021-03-31'), { en: 'Wednesday', zh: '星期三' });
      assert.deepStrictEqual(weekday('2023-03-23T19:06:55'), { en: 'Thursday', zh: '星期四' });
      assert.strictEqual(weekday('2023-02-29'), null);
      assert.strictEqual(weekday('2023'), null);
    });
    it('spans partial dates', () => {
      assert.deepStrictEqual(dateSpan('2023-Q1'), ['2023-01-01', '2023-03-31']);
      assert.deepStrictEqual(dateSpan('2024-02'), ['2024-02-01', '2024-02-29']);
      assert.deepStrictEqual(dateSpan('2023-H2'), ['2023-07-01', '2023-12-31']);
      assert.deepStrictEqual(dateSpan('2021'), ['2021-01-01', '2021-12-31']);
      assert.strictEqual(dateSpan('2021-03-31'), null);
    });
    it('explains how a relative date was resolved', () => {
      const c = claim({ text: '去年底', kind: 'date', date: '2021-12-31', relative: { phrase: '去年底', base: '2022-03-31' } });
      const d = dateDetails(c)!;
      assert.strictEqual(d.iso, '2021-12-31');
      assert.strictEqual(d.weekday!.en, 'Friday');
      assert.ok(d.resolved!.en.includes('2022-03-31'));
      assert.ok(d.resolved!.zh.includes('去年底'));
    });
  });
});
