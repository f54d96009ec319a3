// mixed-numeral-style (GB/T 15835-2011): one kind of figure written both in Chinese and in
// Arabic numerals in one document (超过一万家 … 超过1000家), or an Arabic numeral with 千/百/十
// (4千, 3百人) where only 万 and 亿 may follow Arabic digits. Approximate adjacent numbers
// (三四千家), vague amounts (数十万) and fixed words (十四五规划) are Chinese by rule.
import type { Claim } from '../../types';
import { DocContext } from '../context';
import { unitFamily } from '../metric';
import { DocumentParts, Draft, draftAt, fix, shiftDraft, SplitRule, text } from '../rule';
import { append, derivedDrafts, firstOfEach, keysOfParts, NO_DRAFTS, partDrafts, placeDrafts, reuseUnless } from '../combine';

const STYLE_KINDS = new Set(['count', 'money', 'quantity', 'percent']);

function plain(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

/** The Arabic spelling GB/T 15835 asks for: 一万 → 1万, 一千二百 → 1200, 4千 → 4000, 3千万 → 3000万. */
export function arabicSpelling(c: Claim): { start: number; end: number; newText: string } | null {
  const at = c.text.indexOf(c.numeral + c.scale);
  if (at < 0 || c.value === null) return null;
  const start = c.start + at;
  const end = start + c.numeral.length + c.scale.length;
  const written = c.numeral + c.scale;
  const keep = /亿$/.test(written) ? '亿' : /万$/.test(written) ? '万' : '';
  const per = keep === '亿' ? 1e8 : keep === '万' ? 1e4 : 1;
  // The value in the kept scale, back from base units (counts and money only: other kinds
  // were converted to another unit and can't be spelled back from the value).
  if (c.kind !== 'money' && c.kind !== 'count') return null;
  const inScale = c.value / per;
  if (!Number.isFinite(inScale) || inScale <= 0) return null;
  return { start, end, newText: plain(inScale) + keep };
}

function isApproximateOrFixed(doc: DocContext, c: Claim): boolean {
  if (c.vague || c.qualifier === 'about') return true;
  if (/[几数两]?[一二三四五六七八九][二三四五六七八九](?:十|百|千|万)/.test(c.numeral) && /^(?:一二|二三|三四|四五|五六|六七|七八|八九)/.test(c.numeral.replace(/[十百千万]/g, ''))) return true;
  if (/[几数]/.test(c.text)) return true;
  // 三四千家, 十五六岁: two adjacent digits.
  if (/(一二|二三|三四|四五|五六|六七|七八|八九)/.test(c.numeral)) return true;
  // 一 alone or a single Chinese digit with no scale: 一家公司, 三个方面, 十家.
  if (c.numeral.length === 1 && !c.scale) return true;
  const around = doc.slice(c.start - 2, c.end + 2);
  if (/规划|五年|届|号|第/.test(around)) return true;
  return false;
}

/** What one paragraph holds: its 4千 findings, and the figures of each kind in either form. */
interface StyleFacts {
  drafts: Draft[];
  /** The first Arabic figure of each unit family, in text order. */
  arabic: Map<string, Claim>;
  /** Chinese-numeral figures that should follow the Arabic form if the document uses it. */
  chinese: { claim: Claim; family: string }[];
}

export const mixedNumeralStyle: SplitRule<StyleFacts> = {
  code: 'mixed-numeral-style',
  scope: 'document',
  locality: 'split',
  collect(doc: DocContext) {
    const drafts: Draft[] = [];
    const figures = doc.claims.filter((c) => STYLE_KINDS.has(c.kind) && c.value !== null);
    // 4千, 3百人: Arabic digits take only 万 and 亿 after them.
    for (const c of figures) {
      if (c.style === 'chinese') continue;
      if (!/^\d+(?:\.\d+)?$/.test(c.numeral.replace(/[,，]/g, '')) || !/^(千|百|十)/.test(c.scale)) continue;
      const e = arabicSpelling(c);
      drafts.push(draftAt(doc, 'mixed-numeral-style', c, text(
        `write ${c.numeral}${c.scale} as ${e ? e.newText : 'Arabic digits'}: only 万 and 亿 may follow Arabic digits (GB/T 15835)`,
        `“${c.numeral}${c.scale}”应写作“${e ? e.newText : '阿拉伯数字'}”：阿拉伯数字后只可接“万”“亿”（GB/T 15835）`
      ), [], e ? [fix(text(`Write ${e.newText}`, `改为“${e.newText}”`), e)] : []));
    }
    const arabic = new Map<string, Claim>();
    for (const c of figures) if (c.style === 'arabic' && !c.vague) {
      const f = unitFamily(c);
      if (!arabic.has(f)) arabic.set(f, c);
    }
    const chinese = figures.filter((c) => c.style === 'chinese' && !isApproximateOrFixed(doc, c)).map((claim) => ({ claim, family: unitFamily(claim) }));
    return drafts.length || arabic.size || chinese.length ? { drafts, arabic, chinese } : undefined;
  },
  // One kind of figure in both forms: a Chinese-numeral figure against the document's first
  // Arabic figure of its kind.
  conclude(doc: DocumentParts<StyleFacts>) {
    const path = doc.path;
    const out = partDrafts(doc, 'mixed-numeral-style/own', (value, at) => placeDrafts(value.drafts, at, path));
    const wanted = keysOfParts(doc, (value, visit) => {
      for (let k = 0; k < value.chinese.length; k++) visit(value.chinese[k].family);
    }, 'mixed-numeral-style');
    const { found: firstArabic, changed } = firstOfEach(doc, wanted.keys(), (value) => value.arabic, 'mixed-numeral-style');
    const derived = partDrafts(doc, 'mixed-numeral-style', (value, at) => {
      if (!value.chinese.length) return NO_DRAFTS;
      return derivedDrafts(value.chinese, at, path, value.chinese, (c) => firstArabic.get(c.family), (others) => {
        const made: Draft[] = [];
        value.chinese.forEach(({ claim: c }, k) => {
          const other = others[k];
          if (!other) return;
          const e = arabicSpelling(c);
          made.push(shiftDraft({
            code: 'mixed-numeral-style',
            path: '',
            start: c.start,
            end: c.end,
            message: text(
              `"${c.text}" is in Chinese numerals while "${other.claim.text}" uses Arabic digits; write figures of one kind one way${e ? ` (${e.newText})` : ''}`,
              `“${c.text}”用汉字数字，而“${other.claim.text}”用阿拉伯数字，同类数字应统一${e ? `（${e.newText}）` : ''}`
            ),
            related: [{ path, start: other.claim.start + other.at, end: other.claim.end + other.at, message: text('the same kind of figure in Arabic digits', '同类数字的阿拉伯数字写法') }],
            fixes: e ? [fix(text(`Write ${e.newText}`, `改为“${e.newText}”`), e)] : [],
          }, at, path));
        });
        return made;
      });
    }, reuseUnless(changed, (value, key) => value.chinese.some((c) => key(c.family))));
    append(out, derived);
    return out;
  },
};
