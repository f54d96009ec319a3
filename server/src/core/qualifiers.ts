// Words around a number that bound its value: 超64万 (over), 近50万 (nearly), 约1.2亿 (about),
// 70%以上 (at-least), 不足 (under), 以内 (at-most), 达/为 (exact). Names are the CLI contract.
import type { Qualifier } from './types';

export interface QualifierWord {
  text: string;
  qualifier: Qualifier;
}

const table = (entries: Array<[Qualifier, string]>): QualifierWord[] =>
  entries
    .flatMap(([q, words]) => words.split(' ').map((text) => ({ text, qualifier: q })))
    .sort((a, b) => b.text.length - a.text.length);

/** Words before the number. Exact markers (达 为) are recognised but not part of the claim text. */
export const PREFIX_QUALIFIERS = table([
  ['over', '超过 超出 超 逾 突破 多于 高于 大于'],
  ['about', '大约有 大约 大概 约为 约有 约合 约莫 约'],
  ['nearly', '将近 接近 几近 逼近 近'],
  ['under', '不足 不到 低于 少于 小于 未满 未达 未到'],
  ['at-least', '不少于 不低于 至少 最少 起码 不下'],
  ['at-most', '不超过 不高于 最多 至多 最高'],
  ['exact', '高达 多达 达到 共计 合计 总计 累计 共有 仅为 只有 达 为 是 共 计 仅 只'],
]);

/** Between the number and its unit (70余家, 1000多家, 十来个). */
export const INNER_SUFFIXES = table([
  ['over', '余 多'],
  ['about', '来 几'],
]);

/** After the unit (70%以上, 3年左右, 24小时以内). */
export const OUTER_SUFFIXES = table([
  ['at-least', '以上 及以上 之上'],
  ['at-most', '以下 及以下 以内 之内 之下'],
  ['about', '左右 上下 前后'],
  ['over', '多 有余 出头'],
]);

/**
 * A table's words by their last character (matchBefore) and by their first (matchAt), in table
 * order: a figure asks at every number, and most characters end or start no word at all.
 */
interface ByEdgeCharacter {
  last: Map<string, QualifierWord[]>;
  first: Map<string, QualifierWord[]>;
}
const edges = new WeakMap<readonly QualifierWord[], ByEdgeCharacter>();

function edgesOf(words: readonly QualifierWord[]): ByEdgeCharacter {
  let e = edges.get(words);
  if (!e) {
    e = { last: new Map(), first: new Map() };
    for (const w of words) {
      addTo(e.last, w.text[w.text.length - 1], w);
      addTo(e.first, w.text[0], w);
    }
    edges.set(words, e);
  }
  return e;
}

function addTo(map: Map<string, QualifierWord[]>, ch: string, w: QualifierWord): void {
  const list = map.get(ch);
  if (list) list.push(w);
  else map.set(ch, [w]);
}

/** The longest word of `words` ending at `end`, or null. */
export function matchBefore(text: string, end: number, words: readonly QualifierWord[]): QualifierWord | null {
  const list = end > 0 ? edgesOf(words).last.get(text[end - 1]) : undefined;
  if (list) for (const w of list) if (end >= w.text.length && text.startsWith(w.text, end - w.text.length)) return w;
  return null;
}

/** The longest word of `words` starting at `i`, or null. */
export function matchAt(text: string, i: number, words: readonly QualifierWord[]): QualifierWord | null {
  const list = edgesOf(words).first.get(text[i]);
  if (list) for (const w of list) if (text.startsWith(w.text, i)) return w;
  return null;
}

/**
 * The qualifier of a figure given every qualifier word around it, in text order. The prefix
 * wins when it bounds the value (超过1000家以上 → over), otherwise the words after the number.
 */
export function combineQualifiers(prefix: Qualifier | null, inner: Qualifier | null, outer: Qualifier | null): Qualifier {
  if (prefix && prefix !== 'exact') return prefix;
  return inner ?? outer ?? 'exact';
}
