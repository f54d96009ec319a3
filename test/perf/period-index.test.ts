// normalizedPeriod reads the years stated before a paragraph (上年 counts back from them) from
// one scan of the text per rule context instead of a scan from the document start per figure.
// The answer must be the one the per-figure scan gives, also where a year ends a line and a
// month starts the next (2021年\n3月: a day in the whole text, a year in the span before).
import * as assert from 'assert';
import { prng } from '../support/prng';
import { analyzeText, ParagraphCache } from '../../server/src/core/analyze';
import { DocContext } from '../../server/src/core/checks/context';
import { normalizedPeriod, periodPhraseOf, periodPhrases } from '../../server/src/core/checks/metric';
import type { Claim } from '../../server/src/core/types';

/** The per-figure scan, as normalizedPeriod did it before the index. */
function reference(doc: DocContext, claim: Claim): string {
  const phrase = periodPhraseOf(doc, claim);
  const key = phrase?.key ?? '';
  const base = doc.analysis.baseDate ? Number(doc.analysis.baseDate.slice(0, 4)) : null;
  if (key === '') {
    const first = periodPhrases(doc.text, 0, doc.text.length).find((p) => /^\d{4}$/.test(p.key));
    return first ? first.key : '';
  }
  if (key === 'prior-year' && phrase && /上年|同期|上一年|前一年/.test(phrase.text)) {
    const para = doc.paragraphOf(claim.start);
    const years = [...periodPhrases(doc.text, para.start, phrase.offset), ...periodPhrases(doc.text, 0, para.start)].filter((p) => /^\d{4}$/.test(p.key));
    const governing = years.length ? Number(years.sort((a, b) => b.offset - a.offset)[0].key) : base;
    return governing !== null ? String(governing - 1) : key;
  }
  if (base === null) return key;
  if (key === 'current-year') return String(base);
  if (key === 'prior-year') return String(base - 1);
  if (key === 'prior-2') return String(base - 2);
  return key;
}

const PIECES = [
  '2021年', '2022年度', '二〇二三年', '2020年\n', '2019年\n3月', '3月31日', '上年同期', '上年', '去年', '与2020年', '较2021年',
  '营业收入103.7亿元', '同比增长5%', '净利润20亿元', '，', '。', '\n', '\r\n', '　　', '2024年一季度', '上半年', '用户数达1200万人',
];

describe('period index: normalizedPeriod equals the per-figure scan', () => {
  it('on random texts of years, 上年 and line breaks', () => {
    const rnd = prng(77);
    let compared = 0;
    let priorYear = 0;
    for (let t = 0; t < 60; t++) {
      let text = '';
      const n = 20 + Math.floor(rnd() * 40);
      for (let i = 0; i < n; i++) text += PIECES[Math.floor(rnd() * PIECES.length)];
      const analysis = analyzeText(text, t % 3 ? { baseDate: '2024-03-01' } : {}, new ParagraphCache());
      const indexed = new DocContext('a', analysis);
      const scanned = new DocContext('b', analysis);
      for (const c of analysis.claims) {
        assert.strictEqual(normalizedPeriod(indexed, c), reference(scanned, c), `text ${t}: ${JSON.stringify(text)} at ${c.start} (${c.text})`);
        compared++;
        if (/上年|同期/.test(periodPhraseOf(scanned, c)?.text ?? '')) priorYear++;
      }
    }
    assert.ok(compared > 200 && priorYear > 30, `compared ${compared} figures, ${priorYear} under 上年`);
  });
});
