// units.ts and qualifiers.ts on their own: the tables the scanner reads figures with.
import * as assert from 'assert';
import fc from 'fast-check';
import { matchUnit, currencyPrefixBefore, unitTexts, MONEY_WORDS } from '../../server/src/core/units';
import {
  PREFIX_QUALIFIERS, INNER_SUFFIXES, OUTER_SUFFIXES, matchBefore, matchAt, combineQualifiers,
} from '../../server/src/core/qualifiers';

describe('units', () => {
  it('matches the longest unit first', () => {
    assert.strictEqual(matchUnit('个百分点', 0)?.kind, 'percent-point');
    assert.strictEqual(matchUnit('个月', 0)?.unit, 'month');
    assert.strictEqual(matchUnit('个', 0)?.kind, 'count');
    assert.strictEqual(matchUnit('平方公里', 0)?.unit, 'km2');
    assert.strictEqual(matchUnit('公里', 0)?.unit, 'km');
    assert.strictEqual(matchUnit('千瓦时', 0)?.unit, 'kWh');
  });

  it('converts to the base unit', () => {
    assert.strictEqual(matchUnit('斤', 0)?.factor, 0.5);
    assert.deepStrictEqual([matchUnit('个季度', 0)?.unit, matchUnit('个季度', 0)?.factor], ['month', 3]);
  });

  it('ends ASCII units at a word boundary', () => {
    assert.strictEqual(matchUnit('GB', 0)?.unit, 'GB');
    assert.strictEqual(matchUnit('GBit', 0), null);
  });

  it('finds currency written before an amount', () => {
    assert.deepStrictEqual(currencyPrefixBefore('融资US$1.2亿', 5), { start: 2, code: 'USD' });
    assert.deepStrictEqual(currencyPrefixBefore('营收RMB 50亿', 6), { start: 2, code: 'CNY' });
    assert.deepStrictEqual(currencyPrefixBefore('售价¥199', 3), { start: 2, code: 'CNY' });
    assert.strictEqual(currencyPrefixBefore('ABCUSD5', 6), null);
    assert.strictEqual(currencyPrefixBefore('增长5', 2), null);
  });

  it('lists every unit for the grammar, and knows money subjects', () => {
    for (const u of ['元', '%', '个百分点', '倍', '小时', '吨', '项']) assert.ok(unitTexts().includes(u), u);
    assert.ok(MONEY_WORDS.test('涉案金额'));
    assert.ok(MONEY_WORDS.test('受保护商品GMV'));
    assert.ok(!MONEY_WORDS.test('用户规模'));
  });
});

describe('qualifiers', () => {
  it('reads the longest word before the number', () => {
    assert.strictEqual(matchBefore('超过1000', 2, PREFIX_QUALIFIERS)?.text, '超过');
    assert.strictEqual(matchBefore('超1000', 1, PREFIX_QUALIFIERS)?.qualifier, 'over');
    assert.strictEqual(matchBefore('将近200', 2, PREFIX_QUALIFIERS)?.qualifier, 'nearly');
    assert.strictEqual(matchBefore('不少于50', 3, PREFIX_QUALIFIERS)?.qualifier, 'at-least');
    assert.strictEqual(matchBefore('不超过100', 3, PREFIX_QUALIFIERS)?.qualifier, 'at-most');
    assert.strictEqual(matchBefore('不足10', 2, PREFIX_QUALIFIERS)?.qualifier, 'under');
    assert.strictEqual(matchBefore('高达40', 2, PREFIX_QUALIFIERS)?.qualifier, 'exact');
    assert.strictEqual(matchBefore('增长5', 2, PREFIX_QUALIFIERS), null);
  });

  it('reads the words after the number and after the unit', () => {
    assert.strictEqual(matchAt('余家', 0, INNER_SUFFIXES)?.qualifier, 'over');
    assert.strictEqual(matchAt('来个', 0, INNER_SUFFIXES)?.qualifier, 'about');
    assert.strictEqual(matchAt('以上', 0, OUTER_SUFFIXES)?.qualifier, 'at-least');
    assert.strictEqual(matchAt('以内', 0, OUTER_SUFFIXES)?.qualifier, 'at-most');
    assert.strictEqual(matchAt('左右', 0, OUTER_SUFFIXES)?.qualifier, 'about');
  });

  it('finds, at every position, the first word of the table in table order (as a scan of the whole table would)', () => {
    const tables = [PREFIX_QUALIFIERS, INNER_SUFFIXES, OUTER_SUFFIXES];
    const words = tables.flatMap((t) => t.map((w) => w.text));
    const text = fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom('1', '万', '家', ' ', '')), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        for (const table of tables) {
          for (let i = 0; i <= t.length + 1; i++) {
            const before = table.find((w) => i >= w.text.length && t.startsWith(w.text, i - w.text.length)) ?? null;
            const at = table.find((w) => t.startsWith(w.text, i)) ?? null;
            assert.strictEqual(matchBefore(t, i, table), before);
            assert.strictEqual(matchAt(t, i, table), at);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lets a bounding prefix win, else the words after', () => {
    assert.strictEqual(combineQualifiers('over', null, 'at-least'), 'over');
    assert.strictEqual(combineQualifiers('exact', 'over', null), 'over');
    assert.strictEqual(combineQualifiers(null, null, 'about'), 'about');
    assert.strictEqual(combineQualifiers(null, null, null), 'exact');
  });
});
