// Change statements: a before and an after figure of one measure and the change the text
// states between them (增长25.6%, 提高3个百分点, 翻了一番, 是…的3倍). growth-mismatch,
// percent-point-confusion and multiple-mismatch all read the same statements, found here once.
//
// Shapes recognised, each within one sentence:
//   从/由 X (增长|下降…)(到|至) Y，(同比)?增长 R          (from–to, rate after)
//   Y，较(上年|2021年)?的 X 增长 R                        (comparison with 较/比)
//   Y，(同比)?增长 R，(上年同期|去年同期|上年)(为) X        (base stated after the rate, or after ；)
//   Y，(上年同期|上年)(为) X，(同比)?增长 R                 (base stated before the rate)
//   2021年 X，2022年 Y，(同比)?增长 R                      (two periods of one subject)
//   X 是 Y 的 N 倍                                        (multiple of another figure)
import type { Claim } from '../types';
import { DocContext, isAmount, isPercent, sameMeasure, Span } from './context';
import { periodOf } from './metric';

export type Direction = 'up' | 'down' | 'none';

/** How a stated multiple relates the two figures. */
export type MultipleSense = 'by' | 'to';

export interface ChangeStatement {
  before: Claim;
  after: Claim;
  /** The stated change: a percent, a percent-point or a multiple figure. */
  stated: Claim;
  /** Direction the words give the stated change. */
  direction: Direction;
  /** Direction the from–to verb gives (从X下降到Y), 'none' when there is no such verb. */
  pairDirection: Direction;
  /** 同比 / 环比 / '' as written next to the stated change. */
  basis: '同比' | '环比' | '';
  /** For multiples: 增长了N倍 ('by', ambiguous ×N or ×(N+1)) or 是/增至…的N倍 ('to', ×N). */
  sense: MultipleSense;
  /** The trigger word as written (增长, 下降, 提高 …). */
  verb: string;
}

const UP = '增长|增加|提升|提高|上升|上涨|攀升|跃升|猛增|激增|扩大|增|升|涨';
const DOWN = '下降|减少|降低|下滑|下跌|回落|缩小|缩减|萎缩|降|减|跌';
const UP_RE = new RegExp(`^(?:${UP})$`);
const VERB = `(?:${UP}|${DOWN})`;

/** Text right before a stated rate: [basis] verb [particles], or 增幅/降幅 [为]. */
const RATE_LEAD = new RegExp(
  `(同比|环比)?(?:大幅|小幅|明显|显著|略有|稳步)?(${VERB}|增幅|增速|涨幅|降幅|减幅|跌幅|增长率|下降率)(?:了|为|达|达到|约为|是)?\\s*$`
);
/** What may stand between the figures and the stated change: punctuation and linking words. */
const LEAD_GLUE = /^[，,、\s]*(?:即|也就是|亦即|整体|总体|合计|累计|共|其|分别)?(?:较|比|相比)?(?:上年|去年|上一年|前一年|上年同期|去年同期|上期|上季度|上月|年初|年末|年底)?(?:同期)?[，,\s]*$/;
/** What joins the two figures of a from–to pair (增长到, 降至, 为). */
const FROM_TO = new RegExp(`^(${VERB})?(?:了)?(到|至|为|成)$`);
const MULTIPLE_TO_LEAD = /(?:是|为|相当于|达到?|增至|增长到|提高到|提升到|上升到|扩大到|扩大至|升至)(?:了)?(?:[^，。；]{0,12}的)?\s*$/;

/** Period words that may sit between two figures (从2021年的X增长到2022年的Y). */
const PERIOD_NOISE = /(\d{4}|[〇一二三四五六七八九]{4})年(?:度)?(?:底|末|初)?|(?:上|下)半年|(?:第)?[一二三四1-4]季度|今年|去年|上年|本年|年底|年末|同期|当年/g;

function stripNoise(s: string): string {
  return s.replace(PERIOD_NOISE, '').replace(/[\s的]/g, '');
}

function directionOf(word: string | undefined): Direction {
  if (!word) return 'none';
  if (UP_RE.test(word) || /^(增幅|增速|涨幅|增长率)$/.test(word)) return 'up';
  return 'down';
}

function isStatedChange(c: Claim): boolean {
  return isPercent(c) || c.kind === 'percent-point' || c.kind === 'multiple';
}

/** Amount or rate figures the before/after of a change can be. */
function isLevel(c: Claim): boolean {
  return isAmount(c) || isPercent(c);
}

function measureMatch(a: Claim, b: Claim): boolean {
  if (isPercent(a) || isPercent(b)) return isPercent(a) && isPercent(b);
  return sameMeasure(a, b);
}

/** Figures of the sentence that are not dates, times or ordinals. */
function figuresIn(doc: DocContext, s: Span): Claim[] {
  return doc.claimsIn(s, (c) => c.kind !== 'date' && c.kind !== 'time' && c.kind !== 'ordinal');
}

function yearOf(period: string, fallback: number | null): number | null {
  const m = /^(\d{4})/.exec(period);
  if (m) return Number(m[1]);
  if (period === 'prior-year') return fallback !== null ? fallback - 1 : null;
  if (period === 'current-year') return fallback;
  return null;
}

/** A from–to pair with its verb (从 X 增长到 Y), stated change or not. */
export interface ChangePair {
  before: Claim;
  after: Claim;
  pairDirection: Direction;
  verb: string;
}

/**
 * A year-on-year rate whose paragraph does not state its base (营业收入156.3亿元，同比增长12.5%,
 * the year before stated in another paragraph): growth-mismatch looks for the same metric a
 * year before in the rest of the document.
 */
export interface OpenRate {
  after: Claim;
  stated: Claim;
  direction: Direction;
  basis: ChangeStatement['basis'];
  verb: string;
}

/** Every year-on-year rate of one window whose base it does not state. */
export function findOpenRates(doc: DocContext): OpenRate[] {
  return changesOf(doc).open;
}

/** Every change statement of one document (computed once per document). */
export function findChangeStatements(doc: DocContext): ChangeStatement[] {
  return changesOf(doc).statements;
}

/** Every from–to pair of one document. */
export function findChangePairs(doc: DocContext): ChangePair[] {
  return changesOf(doc).pairs;
}

interface Changes {
  statements: ChangeStatement[];
  pairs: ChangePair[];
  open: OpenRate[];
}

function changesOf(doc: DocContext): Changes {
  return doc.once(scan);
}

/** 比上年, 较去年同期 …: words that measure a rate against the year before. */
const AGAINST_YEAR_BEFORE = /(?:比|较)(?:上年|去年|上一年)|上年同期|去年同期/;

function scan(doc: DocContext): Changes {
  const out: ChangeStatement[] = [];
  const pairs: ChangePair[] = [];
  const open: OpenRate[] = [];
  const used = new Set<Claim>();
  const baseYear = doc.analysis.baseDate ? Number(doc.analysis.baseDate.slice(0, 4)) : null;

  for (const sentence of doc.sentences) {
    const figs = figuresIn(doc, sentence);
    if (figs.length < 2) continue;

    const statedAt = (i: number, from: number): { basis: ChangeStatement['basis']; verb: string; sense: MultipleSense } | null => {
      const r = figs[i];
      if (!r || !isStatedChange(r) || used.has(r)) return null;
      const lead = doc.slice(from, r.start);
      if (/分别/.test(lead)) return null;
      if (r.kind === 'multiple') {
        if (/翻/.test(r.text) || /翻(?:了)?\s*$/.test(lead)) return { basis: '', verb: '翻', sense: 'to' };
        const m = RATE_LEAD.exec(lead);
        if (m && LEAD_GLUE.test(stripNoise(lead.slice(0, m.index))) && /^(?:了|)$/.test(lead.slice(m.index + m[0].length).trim()) && !/[到至]\s*$/.test(lead)) {
          return { basis: (m[1] as '同比' | '环比') ?? '', verb: m[2], sense: 'by' };
        }
        if (MULTIPLE_TO_LEAD.test(lead)) return { basis: '', verb: '为', sense: 'to' };
        return null;
      }
      const m = RATE_LEAD.exec(lead);
      if (!m) return null;
      // 营收从80亿元增长到100亿元，利润增长15%: a new subject before the verb is another change.
      if (!LEAD_GLUE.test(stripNoise(lead.slice(0, m.index)))) return null;
      // 年均/复合增长率 is a yearly average, not the change between the two figures.
      if (/年均|复合|平均|年化|每年/.test(lead)) return null;
      return { basis: (m[1] as '同比' | '环比') ?? '', verb: m[2], sense: 'to' };
    };

    for (let i = 0; i + 1 < figs.length; i++) {
      const a = figs[i];
      const b = figs[i + 1];
      // --- from–to: 从 X 增长到 Y -------------------------------------------------
      if (isLevel(a) && isLevel(b) && measureMatch(a, b) && !used.has(b)) {
        const between = stripNoise(doc.slice(a.end, b.start));
        const pm = FROM_TO.exec(between);
        const lead = stripNoise(doc.leadIn(a, sentence));
        const hasFrom = /(从|由)[^，,；;]{0,12}$/.test(lead);
        if (pm && (hasFrom || pm[1]) && !(pm[2] === '为' && !pm[1])) {
          const pairDirection = directionOf(pm[1]);
          pairs.push({ before: a, after: b, pairDirection, verb: pm[1] ?? '' });
          // The stated change follows Y (or comes right before 从).
          let k = i + 2;
          const st = statedAt(k, b.end);
          if (st) {
            out.push({ before: a, after: b, stated: figs[k], direction: directionOf(st.verb === '翻' || st.verb === '为' ? undefined : st.verb), pairDirection, basis: st.basis, sense: st.sense, verb: st.verb });
            used.add(figs[k]);
          } else if (i > 0) {
            // 增长25.6%，从 X 增至 Y: the stated change right before 从.
            k = i - 1;
            const prev = figs[k];
            const glue = stripNoise(doc.slice(prev.end, a.start)).replace(/[，,]/g, '').replace(/(从|由)$/, '');
            const st2 = glue === '' ? statedAt(k, k > 0 ? Math.max(figs[k - 1].end, sentence.start) : sentence.start) : null;
            if (st2) {
              out.push({ before: a, after: b, stated: prev, direction: directionOf(st2.verb === '翻' || st2.verb === '为' ? undefined : st2.verb), pairDirection, basis: st2.basis, sense: st2.sense, verb: st2.verb });
              used.add(prev);
            }
          }
          continue;
        }
      }
    }

    // --- statements bound by the stated change itself ------------------------------
    for (let k = 0; k < figs.length; k++) {
      const r = figs[k];
      if (used.has(r) || !isStatedChange(r)) continue;
      const prev = figs[k - 1];
      if (!prev) continue;
      // X 是 Y 的 N 倍: the words that make N a multiple (是…的) straddle Y.
      const st = statedAt(k, prev.end) ?? (r.kind === 'multiple' && k >= 2 ? statedAt(k, figs[k - 2].end) : null);
      if (!st) continue;
      const direction = directionOf(st.verb === '翻' || st.verb === '为' ? undefined : st.verb);

      // X 是 Y 的 N 倍 / Y，较上年的 X 增长 R: prev is the base, the figure before it the level.
      const prevLead = doc.leadIn(prev, sentence);
      const comparison = /(较|比|相比于?|相较于?|与|是|为|相当于)(?:[^，,。；;]{0,10})?的?\s*$/.exec(stripNoise(prevLead) + '');
      const rawBetween = doc.slice(prev.end, r.start);
      if (isLevel(prev) && comparison && k >= 2 && /^[^，,。；;]*$/.test(rawBetween)) {
        const level = figs[k - 2];
        const gap = stripNoise(doc.slice(level.end, prev.start));
        if (isLevel(level) && measureMatch(level, prev) && /^[，,]?(?:同比)?(?:较|比|相比于?|相较于?|与|是|为|相当于)/.test(gap)) {
          const isMultipleOf = /是|为|相当于/.test(comparison[1]);
          if (!isMultipleOf || r.kind === 'multiple') {
            out.push({ before: prev, after: level, stated: r, direction, pairDirection: 'none', basis: st.basis, sense: st.sense, verb: st.verb });
            used.add(r);
            continue;
          }
        }
      }

      // Y，上年为 X，同比增长 R: the base stated between the level and the rate.
      if (isLevel(prev) && k >= 2 && r.kind !== 'multiple') {
        const level = figs[k - 2];
        const bw = BASE_BETWEEN.exec(doc.slice(level.end, prev.start));
        if (bw && isLevel(level) && measureMatch(level, prev) && namesSameMeasure(bw[2], level) && !basisMismatch(st.basis, bw[1])) {
          out.push({ before: prev, after: level, stated: r, direction, pairDirection: 'none', basis: st.basis, sense: st.sense, verb: st.verb });
          used.add(r);
          continue;
        }
      }

      // Y，同比增长 R: prev is the level; find its base after R or before Y.
      if (!isLevel(prev)) continue;
      const gapToRate = doc.slice(prev.end, r.start).replace(/[，,\s]/g, '');
      if (!/^(?:同比|环比)?(?:大幅|小幅|明显|显著|略有|稳步)?[^，,。；;\d]{0,6}$/.test(gapToRate)) continue;
      const after = prev;

      // Base stated after the rate: 上年同期为 X (also as the next clause: ；上年同期营收为 X).
      const next = figs[k + 1] ?? (k === figs.length - 1 ? firstOfNextClause(doc, sentence) : undefined);
      if (next && isLevel(next) && measureMatch(next, after)) {
        const raw = doc.slice(r.end, next.start);
        const baseWord = BASE_AFTER.exec(raw.replace(/[（(]/g, ''));
        if (baseWord && /^[，,（(；;。]/.test(raw.trim()) && namesSameMeasure(baseWord[2], after) && !basisMismatch(st.basis, baseWord[1])) {
          out.push({ before: next, after, stated: r, direction, pairDirection: 'none', basis: st.basis, sense: st.sense, verb: st.verb });
          used.add(r);
          continue;
        }
      }

      // Y，比上年增加 D，增长 R: the base is Y − D (Y + D for a decrease).
      if (r.kind !== 'multiple' && isAmount(after) && k >= 2) {
        const level = figs[k - 2];
        const dm = /^[，,]?\s*(?:比|较)?(?:上年|去年|上一年|上年同期|去年同期|年初|上年末|去年底|上年底)?(?:末|底)?(增加|减少|新增|净增|净减|增长|下降|多|少)(?:了)?\s*$/.exec(doc.slice(level.end, after.start));
        if (dm && isAmount(level) && sameMeasure(level, after) && level.qualifier === 'exact' && after.qualifier === 'exact' && level.upper === null && after.upper === null) {
          const up = !/减少|净减|下降|少/.test(dm[1]);
          const base = baseFromChange(level, after, up);
          if (base && (base.value as number) > 0) {
            out.push({ before: base, after: level, stated: r, direction, pairDirection: 'none', basis: st.basis, sense: st.sense, verb: st.verb });
            used.add(r);
            continue;
          }
        }
      }

      // Two periods of one subject: 2021年 X … 2022年 Y，同比增长 R (X earlier in the paragraph).
      if (r.kind !== 'multiple' && st.basis !== '环比') {
        const pa = periodOf(doc, after);
        const ya = yearOf(pa, baseYear);
        if (pa && ya !== null) {
          const para = doc.paragraphOf(after.start);
          const earlier = figs[k - 2];
          const candidates = doc.claimsIn({ start: Math.max(para.start, after.start - 600), end: after.start }, (c) => {
            if (c === after || !isLevel(c) || !measureMatch(c, after)) return false;
            const sameSubject = c.subject.length >= 2 && c.subject === after.subject;
            const anonymousNeighbour = c === earlier && (!c.subject || !after.subject);
            if (!sameSubject && !anonymousNeighbour) return false;
            const pc = periodOf(doc, c);
            const yc = yearOf(pc, baseYear);
            return yc !== null && ya - yc === 1 && pc.replace(/^\d{4}-?/, '') === pa.replace(/^\d{4}-?/, '');
          });
          if (candidates.length === 1) {
            out.push({ before: candidates[0], after, stated: r, direction, pairDirection: 'none', basis: st.basis, sense: st.sense, verb: st.verb });
            used.add(r);
            continue;
          }
        }
      }
      // No base in the paragraph: a year-on-year rate may find one elsewhere in the document.
      if (r.kind !== 'multiple' && direction !== 'none' && (st.basis === '同比' || AGAINST_YEAR_BEFORE.test(doc.slice(prev.end, r.start)))) {
        open.push({ after, stated: r, direction, basis: st.basis, verb: st.verb });
      }
    }
  }
  return { statements: out, pairs, open };
}

/** The periods a base is stated for (上年同期为 X, 上季度为 X). */
const BASE_WORDS = '上年同期|去年同期|上年|去年|上一年|前一年|上期|上季度|上月';

/**
 * Between a figure and the base stated before its rate: ，上年为 / ，上年同期营收为. Not a year
 * (2022年 X，2023年 Y，增长 R names the later figure's year: the two-periods shape reads it).
 */
const BASE_BETWEEN = new RegExp(`^[，,]\\s*(${BASE_WORDS})([^，,。；;\\d]{0,6}?)(?:为|是|达|仅为|仅|有)\\s*$`);
/** A base stated after the rate ends the text before it: ，上年同期为 / ；2021年营收为 (the words between name its measure). */
const BASE_AFTER = new RegExp(`(${BASE_WORDS}|\\d{4}年(?:同期)?)([^，,。；;\\d]{0,10}?)(?:为|是|达|仅|有)?\\s*$`);

/**
 * Words naming the base's measure (上年同期营收为 X) agree with the figure it is the base of:
 * none, or the one subject ending with the other (营业收入, 公司营业收入). 上年同期净利润为 X
 * after 营收 is another measure, not the base.
 */
function namesSameMeasure(words: string, level: Claim): boolean {
  const named = words.replace(/[的\s]/g, '');
  if (named === '' || level.subject === '') return true;
  return named.endsWith(level.subject) || level.subject.endsWith(named);
}

/** A sentence that opens with the base period: 上年营业收入为 X. */
const OPENS_WITH_BASE = new RegExp(`^\\s*(?:${BASE_WORDS})`);

/**
 * The first figure of the clause after a sentence, where the base may be stated: after ；
 * any clause (；上年同期营收为 X), after 。 one that opens with the base period (。上年营收为 X).
 */
function firstOfNextClause(doc: DocContext, sentence: Span): Claim | undefined {
  const sep = doc.text.charCodeAt(sentence.end);
  const semicolon = sep === 0xff1b || sep === 0x3b; // ；;
  if (!semicolon && sep !== 0x3002) return undefined; // 。
  const following = doc.sentences.find((s) => s.start > sentence.end);
  if (!following || (!semicolon && !OPENS_WITH_BASE.test(doc.slice(following.start, following.end)))) return undefined;
  return figuresIn(doc, following)[0];
}

/**
 * The figure before a change stated as an amount (58万家，比上年增加13万家 → 45万家), as a
 * synthetic claim whose step carries the rounding of both figures.
 */
function baseFromChange(level: Claim, change: Claim, up: boolean): Claim | null {
  if (level.value === null || change.value === null) return null;
  const value = up ? level.value - change.value : level.value + change.value;
  // Two whole counts (12起, 3起) give a whole count; rounded figures add their rounding.
  const whole = (c: Claim) => c.kind === 'count' && !c.scale && stepOfClaim(c) <= 1 && Number.isInteger(c.value);
  const step = whole(level) && whole(change) ? 1 : stepOfClaim(level) + stepOfClaim(change);
  const scaleWord = level.scale;
  const k: Record<string, number> = { 万: 1e4, 亿: 1e8, 万亿: 1e12, 千: 1e3, 百万: 1e6, 千万: 1e7 };
  const inScale = Math.round((value / (k[scaleWord] ?? 1)) * 1e6) / 1e6;
  return {
    ...level,
    text: `${inScale}${scaleWord}${level.unitText}`,
    start: change.start,
    end: change.end,
    value,
    upper: null,
    numeral: String(inScale),
    step,
    qualifier: 'exact',
    qualifierText: '',
    qualifierWords: [],
    vague: false,
  };
}

function stepOfClaim(c: Claim): number {
  return c.step > 0 ? c.step : 1;
}

/** 同比 compares with the same period a year before; 环比 with the period just before. */
function basisMismatch(basis: string, baseWord: string): boolean {
  if (basis === '同比') return /上期|上季度|上月/.test(baseWord);
  if (basis === '环比') return /上年|去年|上一年|前一年|同期|\d{4}年/.test(baseWord);
  return false;
}
