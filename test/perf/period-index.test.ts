// A figure's period is resolved from its own paragraph, then from what the paragraphs before it
// state (the document's first year; the last year before 上年), so that an edit re-reads one
// paragraph. The answer must be the one a direct scan of the whole document gives, also where
// a year ends a line and a month starts the next (2021年\n3月: a year, since no phrase or date
// crosses a line break).
import * as assert from 'assert';
import { prng } from '../support/prng';
import { analyzeText, ParagraphCache } from '../../server/src/core/analyze';
import { DocContext } from '../../server/src/core/checks/context';
import { localPeriod, paragraphYears, periodEnvs, periodPhraseOf, periodPhrases, resolvePeriod } from '../../server/src/core/checks/metric';
import { paragraphWindows, windowContext } from '../../server/src/core/checks/windows';
import type { Claim } from '../../server/src/core/types';

const YEAR = /^\d{4}$/;

/** The phrase governing a figure, scanning its sentence and paragraph afresh for each figure. */
function phraseByScan(doc: DocContext, claim: Claim): { offset: number; key: string; text: string } | null {
  const sentence = doc.sentenceOf(claim.start);
  const inSentence = periodPhrases(doc.text, sentence.start, claim.start);
  if (inSentence.length) return inSentence[inSentence.length - 1];
  const para = doc.paragraphOf(claim.start);
  const inPara = periodPhrases(doc.text, Math.max(para.start, claim.start - 600), claim.start);
  return inPara.length ? inPara[inPara.length - 1] : null;
}

/** The period as a direct scan of the whole document finds it, figure by figure. */
function reference(doc: DocContext, claim: Claim): string {
  const phrase = phraseByScan(doc, claim);
  const key = phrase?.key ?? '';
  const base = doc.analysis.baseDate ? Number(doc.analysis.baseDate.slice(0, 4)) : null;
  const yearsOf = (p: { start: number; end: number }) => periodPhrases(doc.text, p.start, p.end).filter((x) => YEAR.test(x.key));
  if (key === '') {
    for (const p of doc.paragraphs) {
      const years = yearsOf(p);
      if (years.length) return years[0].key;
    }
    return '';
  }
  if (key === 'prior-year' && phrase && /上年|同期|上一年|前一年/.test(phrase.text)) {
    const para = doc.paragraphOf(claim.start);
    const years = [...periodPhrases(doc.text, para.start, phrase.offset), ...doc.paragraphs.filter((p) => p.end <= para.start).flatMap(yearsOf)].filter((p) => YEAR.test(p.key));
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
  '比', '较', '与', '2023年3', '月', '前三季度', '上年同', '期', ' ', '2021年', '2022年度', '二〇二三年', '2020年\n', '2019年\n3月', '3月31日', '上年同期', '上年', '去年', '与2020年', '较2021年',
  '营业收入103.7亿元', '同比增长5%', '净利润20亿元', '，', '。', '\n', '\r\n', '　　', '2024年一季度', '上半年', '用户数达1200万人',
];

describe('periods: resolved per paragraph, equal to a scan of the whole document', () => {
  it('on random texts of years, 上年 and line breaks', () => {
    const rnd = prng(77);
    let compared = 0;
    let priorYear = 0;
    let fromEarlier = 0;
    for (let t = 0; t < 60; t++) {
      let text = '';
      const n = 20 + Math.floor(rnd() * 40);
      for (let i = 0; i < n; i++) text += PIECES[Math.floor(rnd() * PIECES.length)];
      const analysis = analyzeText(text, t % 3 ? { baseDate: '2024-03-01' } : {}, new ParagraphCache());
      const whole = new DocContext('whole', analysis);
      const windows = paragraphWindows(analysis);
      const contexts = windows.map((w) => windowContext(analysis, w));
      const years = contexts.map((c) => paragraphYears(c, c.paragraphs[0]));
      contexts.forEach((c, i) => {
        // The years of a paragraph, read from its window's one scan, as a scan of the paragraph alone finds them.
        const own = periodPhrases(c.text, c.paragraphs[0].start, c.paragraphs[0].end).filter((x) => YEAR.test(x.key));
        assert.deepStrictEqual(years[i], { first: own[0]?.key ?? null, last: own[own.length - 1]?.key ?? null }, `text ${t}, paragraph ${i}: years`);
      });
      const envs = periodEnvs(years, analysis.baseDate);
      windows.forEach((w, i) => {
        contexts[i].claims.forEach((local) => {
          const claim = { ...local, start: local.start + w.from, end: local.end + w.from };
          const spec = localPeriod(contexts[i], local);
          assert.strictEqual(resolvePeriod(spec, envs[i]), reference(whole, claim), `text ${t}: ${JSON.stringify(text)} at ${claim.start} (${claim.text})`);
          const fast = periodPhraseOf(contexts[i], local);
          const slow = phraseByScan(contexts[i], local);
          assert.deepStrictEqual(fast && { offset: fast.offset, key: fast.key, text: fast.text }, slow, `phrase of ${claim.text} in text ${t}`);
          compared++;
          if (/上年|同期/.test(periodPhraseOf(whole, claim)?.text ?? '')) priorYear++;
          if ('unresolved' in spec) fromEarlier++;
        });
      });
    }
    assert.ok(compared > 200 && priorYear > 30 && fromEarlier > 50, `compared ${compared} figures, ${priorYear} under 上年, ${fromEarlier} from earlier paragraphs`);
  });
});
