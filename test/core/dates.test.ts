import * as assert from 'assert';
import { findPublicationDate, readDateAt, baseDateFromOption, daysInMonth } from '../../server/src/core/dates';
import { analyzeText } from '../../server/src/core/analyze';

describe('dates', () => {
  it('finds a labelled publication date', () => {
    const b = findPublicationDate('标题\n来源:网经社 发布时间:2023-03-23 19:06:55\n正文');
    assert.strictEqual(b.iso, '2023-03-23');
    assert.strictEqual(b.source, 'text');
  });

  it('finds a full Chinese date near the top', () => {
    assert.strictEqual(findPublicationDate('新华社北京2022年5月4日电 记者报道').iso, '2022-05-04');
  });

  it('infers the year after an annual report named in a title', () => {
    const b = findPublicationDate('阿里巴巴发布的《2021知识产权保护年报》显示');
    assert.strictEqual(b.iso, '2022');
    assert.strictEqual(b.year, 2022);
  });

  it('has no base date when the text gives none', () => {
    assert.strictEqual(findPublicationDate('今天天气很好').source, 'none');
  });

  const ctx = { base: baseDateFromOption('2023-03-23'), contextYear: null };
  const reads: Array<[string, string]> = [
    ['2021年3月31日', '2021-03-31'],
    ['2023-03-23', '2023-03-23'],
    ['2023/3/5', '2023-03-05'],
    ['2023.03.05', '2023-03-05'],
    ['2022年底', '2022-12-31'],
    ['2022年初', '2022-01'],
    ['2023年一季度', '2023-Q1'],
    ['2023年Q2', '2023-Q2'],
    ['2022年下半年', '2022-H2'],
    ['二〇二一年', '2021'],
    ['3月23日', '2023-03-23'],
    ['2月底', '2023-02-28'],
    ['2021-2023年', '2021/2023'],
  ];
  for (const [text, iso] of reads) {
    it(`reads ${text}`, () => {
      const d = readDateAt(text, 0, ctx);
      assert.ok(d, text);
      assert.strictEqual(d.iso, iso);
      assert.strictEqual(d.end, text.length);
    });
  }

  it('reads a time of day', () => {
    const d = readDateAt('19:06:55', 0, ctx)!;
    assert.strictEqual(d.kind, 'time');
    assert.strictEqual(d.iso, '19:06:55');
  });

  it('knows month lengths and leap years', () => {
    assert.strictEqual(daysInMonth(2024, 2), 29);
    assert.strictEqual(daysInMonth(2023, 2), 28);
    assert.strictEqual(daysInMonth(2023, 4), 30);
  });

  it('resolves relative dates against --base-date and records how', () => {
    const [c] = analyzeText('截止去年底', { baseDate: '2022-03-31' }).claims;
    assert.strictEqual(c.date, '2021-12-31');
    assert.deepStrictEqual(c.relative, { phrase: '去年底', base: '2022-03-31' });
  });

  it('reads 前三季度 as the first three quarters, not the third', () => {
    const dates = (t: string, baseDate: string) => analyzeText(t, { baseDate }).claims.filter((c) => c.kind === 'date').map((c) => `${c.text}=${c.date}`);
    assert.deepStrictEqual(dates('2025年前三季度，营收增长5%。', '2025-10-20'), ['2025年前三季度=2025-Q1/2025-Q3']);
    assert.deepStrictEqual(dates('今年前三季度，营收增长5%。', '2025-10-20'), ['今年前三季度=2025-Q1/2025-Q3']);
    assert.deepStrictEqual(dates('前三季度，营收增长5%。三季度营收5亿元。', '2025-10-20'), ['前三季度=2025-Q1/2025-Q3', '三季度=2025-Q3']);
    // Published in March, a bare 前三季度 is last year's (its third quarter has not begun).
    assert.deepStrictEqual(dates('前三季度，营收增长5%。', '2025-03-01'), ['前三季度=2024-Q1/2024-Q3']);
  });

  it('reads 本年度 and 上年度 as the year, 度 included', () => {
    const [c, d] = analyzeText('上年度营业收入为12亿元，本年度为15亿元。', { baseDate: '2026-03-28' }).claims.filter((x) => x.kind === 'date');
    assert.strictEqual(c.text, '上年度');
    assert.strictEqual(c.date, '2025');
    assert.strictEqual(d.text, '本年度');
    assert.strictEqual(d.date, '2026');
  });

  it('puts a bare 年底 in last year when this year\'s would be after publication', () => {
    const [c] = analyzeText('截至年底，下降8%', { baseDate: '2023-03-23' }).claims;
    assert.strictEqual(c.date, '2022-12-31');
  });

  it('gives a bare 年底 the year stated earlier in the paragraph', () => {
    const claims = analyzeText('2021年，平台处罚1万次；截至年底，下降8%', { baseDate: '2023-03-23' }).claims;
    assert.strictEqual(claims.find((c) => c.text === '年底')!.date, '2021-12-31');
  });

  it('uses the text\'s own publication date without --base-date', () => {
    const a = analyzeText('发布时间:2023-03-23\n3月20日,拼多多发布财报');
    assert.strictEqual(a.baseDate, '2023-03-23');
    assert.strictEqual(a.claims[1].date, '2023-03-20');
  });

  it('writes a month-day with no known year as --MM-DD', () => {
    assert.strictEqual(analyzeText('3月20日开幕').claims[0].date, '--03-20');
  });
});
