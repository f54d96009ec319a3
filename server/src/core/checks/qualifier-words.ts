// Qualifier words around a figure, whether or not the extractor folded them into the claim:
// 至少 before "5倍以上", 左右 after "约300人". qualifier-conflict and approx-redundant read these.
import type { Claim } from '../types';
import { DocContext } from './context';

export type WordDirection = 'up' | 'down' | 'about';

export interface QualifierWord {
  word: string;
  side: 'before' | 'after';
  start: number;
  end: number;
}

const BEFORE = ['不少于', '不低于', '不超过', '不足', '不到', '将近', '接近', '大约', '大概', '大致', '至少', '起码', '最少', '最多', '至多', '少于', '低于', '超过', '高于', '突破', '约', '超', '逾', '近'];
const AFTER = ['以上', '以下', '以内', '左右', '上下', '前后', '有余', '多', '余', '强', '弱'];

// Most positions hold no qualifier: the characters they can start or end with are looked up
// before any word is compared (this runs for every figure of every paragraph checked).
// As character codes: reading a character as a string makes a string per character.
const BEFORE_FIRST = new Set(BEFORE.map((w) => w.charCodeAt(0)));
const BEFORE_LAST = new Set(BEFORE.map((w) => w.charCodeAt(w.length - 1)));
const AFTER_FIRST = new Set(AFTER.map((w) => w.charCodeAt(0)));

const DIRECTION: Record<string, WordDirection> = {
  不少于: 'up', 不低于: 'up', 至少: 'up', 起码: 'up', 最少: 'up', 超过: 'up', 高于: 'up', 突破: 'up', 超: 'up', 逾: 'up', 以上: 'up', 有余: 'up', 多: 'up', 余: 'up', 强: 'up',
  不超过: 'down', 不足: 'down', 不到: 'down', 将近: 'down', 接近: 'down', 最多: 'down', 至多: 'down', 少于: 'down', 低于: 'down', 近: 'down', 以下: 'down', 以内: 'down', 弱: 'down',
  大约: 'about', 大概: 'about', 大致: 'about', 约: 'about', 左右: 'about', 上下: 'about', 前后: 'about',
};

export function directionOfWord(w: string): WordDirection | undefined {
  return DIRECTION[w];
}

/** Per rule context and figure: qualifier-conflict and approx-redundant both ask. */
const byFigure = () => new Map<Claim, QualifierWord[]>();

/** Qualifier words inside the claim text and right around it, in text order. */
export function qualifierWordsAround(doc: DocContext, c: Claim): QualifierWord[] {
  const known = doc.once(byFigure);
  let words = known.get(c);
  if (!words) known.set(c, (words = wordsAround(doc, c)));
  return words;
}

function wordsAround(doc: DocContext, c: Claim): QualifierWord[] {
  const out: QualifierWord[] = [];
  const core = c.numeral ? c.text.indexOf(c.numeral) : -1;
  // Inside the claim: before the numeral and after it.
  let head = core > 0 ? c.text.slice(0, core) : '';
  let headStart = c.start;
  // Right before the claim (至少 in 至少5倍以上), not crossing punctuation.
  let before: string | undefined;
  if (c.start > 0 && BEFORE_LAST.has(doc.text.charCodeAt(c.start - 1))) {
    const outside = doc.slice(Math.max(0, c.start - 3), c.start);
    // 最近3年, 附近: 近 there means "recent" or "near by", not "nearly".
    before = BEFORE.find((w) => outside.endsWith(w) && !(w === '近' && /[最附邻靠]近$/.test(outside)));
  }
  if (before) {
    head = before + head;
    headStart = c.start - before.length;
  }
  let pos = 0;
  while (pos < head.length) {
    const w = BEFORE_FIRST.has(head.charCodeAt(pos)) ? BEFORE.find((b) => head.startsWith(b, pos)) : undefined;
    if (!w) {
      pos++;
      continue;
    }
    // 近三年来: for a span of time 近 means "the last", not "nearly".
    if (!(w === '近' && c.kind === 'duration')) out.push({ word: w, side: 'before', start: headStart + pos, end: headStart + pos + w.length });
    pos += w.length;
  }
  // After the numeral: words in the claim tail (余人, 多家, 以上) and right after the claim.
  const tailStart = core >= 0 ? c.start + core + c.numeral.length : c.end;
  const tail = doc.slice(tailStart, Math.min(doc.text.length, c.end + 2));
  for (let i = 0; i < tail.length; i++) {
    if (!AFTER_FIRST.has(tail.charCodeAt(i))) continue;
    const w = AFTER.find((a) => tail.startsWith(a, i));
    if (!w) continue;
    const at = tailStart + i;
    // 多 and 余 count only right after the numeral or its scale (3万多, 400余人), not in 多家 words.
    if ((w === '多' || w === '余' || w === '强' || w === '弱') && !/^(?:[万亿千百十]*)$/.test(doc.slice(tailStart, at))) continue;
    if (at >= c.end && (at !== c.end || !(w === '以上' || w === '以下' || w === '以内' || w === '左右' || w === '上下'))) continue;
    if (out.some((o) => o.start === at)) continue;
    out.push({ word: w, side: 'after', start: at, end: at + w.length });
    i += w.length - 1;
  }
  return out;
}
