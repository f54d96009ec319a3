// Named entities: organisations, people, places, works (《…》) and products. Rules first
// (titles, suffixes such as 公司 集团 协会 支队, 负责人XX表示, enumerations ending in 等…品牌),
// the segmenter only on the few characters before a suffix, and the user dictionary.
import type { Entity, EntityType, UserWord } from './types';
import { tag, joinWords } from './segmenter';
import { PLACES, KNOWN_ORGS, ORG_SUFFIXES, PERSON_TITLES, SURNAMES } from './gazetteer';
import { firstIndex } from './bisect';
import { LiteralMatcher, type LiteralMatch } from './literal-matcher';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const longestFirst = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
const alternation = (words: string[]) => longestFirst(words).map(escape).join('|');

// The gazetteer's word lists are long: found with literal matchers, each with the answers of
// the regex (?:longest|…|shortest) it replaces, and what may follow a word as a sticky regex.
const WORK = /《[^《》\n]{1,80}》/g;
const ORG_SUFFIX = new LiteralMatcher(longestFirst(ORG_SUFFIXES));
const PERSON_TITLE = new LiteralMatcher(longestFirst(PERSON_TITLES));
/** After a title: the name, then (optionally) a filler and a speech verb. */
// 局长申长雨在新闻发布会上表示: where and when the name spoke may come before the verb.
const NAME_AFTER_TITLE = /([\u4e00-\u9fff]{2,4}?)(?:就|也|还|则|在|对此|对|在[^，。；,;：:“”"]{1,14}?[上中时里])?(?=表示|称|说|介绍|指出|认为|强调|透露|坦言|告诉|解释|提到|建议|回应|宣布|披露|谈到)/y;
const QUOTE_SPEAKER_RE = /[”"]\s*([\u4e00-\u9fff]{2,3}?)(?=称|表示|说|介绍|指出|强调)/g;
const PLACE = new LiteralMatcher(longestFirst(PLACES));
// The administrative suffix only when it does not start another word (中国市场, 区域, 县城).
const PLACE_SUFFIX = /省|市(?![场民值面政区])|自治区|特别行政区|县(?![城域级])|区(?![域块间别])/y;
const KNOWN_ORG = new LiteralMatcher(longestFirst(KNOWN_ORGS));
const PRODUCT_MODEL_RE = /\b(?:iPhone|iPad|MacBook|Mate|Galaxy|Pixel|Redmi|Model|Xbox|PlayStation|PS)\s?\d+(?:\s?(?:Pro|Max|Plus|Ultra|mini|SE|Air))*/g;
/** A、B、C等X: items typed by the head noun X. */
const ENUMERATION_HEADS = '品牌|企业|公司|机构|平台|集团|银行|协会|商家|厂商|车企|药企|院校|高校|城市|省份|地区|国家|地|省|市|产品|商品|药品|假药|食品|车型|手机|机型|药';
export const ENUMERATION_RE = new RegExp(
  `((?:[“"]?[\\u4e00-\\u9fffA-Za-z]{2,10}[”"]?、)+[“"]?[\\u4e00-\\u9fffA-Za-z]{2,10}[”"]?)等(?:[\\u4e00-\\u9fff0-9]{0,6}?)(${ENUMERATION_HEADS})`,
  'g',
);
/** How an enumeration ends (等 and its head noun): found first, since it is rare and quick to find. */
const ENUMERATION_TAIL = new RegExp(`等[\\u4e00-\\u9fff0-9]{0,6}?(?:${ENUMERATION_HEADS})`, 'g');
const HEAD_TYPE: Record<string, EntityType> = {
  品牌: 'org', 企业: 'org', 公司: 'org', 机构: 'org', 平台: 'org', 集团: 'org', 银行: 'org', 协会: 'org', 商家: 'org',
  厂商: 'org', 车企: 'org', 药企: 'org', 院校: 'org', 高校: 'org',
  城市: 'place', 省份: 'place', 地区: 'place', 国家: 'place', 地: 'place', 省: 'place', 市: 'place',
  产品: 'product', 商品: 'product', 药品: 'product', 假药: 'product', 食品: 'product', 车型: 'product', 手机: 'product',
  机型: 'product', 药: 'product',
};
/** Generic heads that are not names (该公司, 行业协会, 各大银行). */
const GENERIC = /^(?:该|本|此|其|各|多|一些|这些|那些|相关|有关|行业|大型|国内外|国内|国外|全国|地方|当地|知名|头部|下属|旗下|子|母|分|总|(?:上市|控股|参股|关联|国有|民营|外资|合资|私营)(?:公司|企业|集团)$)/;
const NAME_TAGS = /^(n|nz|nt|nr|ns|ng|j|x|eng|vn|l)/;

/** Entities of one paragraph; offsets relative to `text`. */
export function findEntities(text: string, userWords: UserWord[] = []): Entity[] {
  const found: Entity[] = [];
  const push = (start: number, end: number, type: EntityType) => {
    if (end > start) found.push({ text: text.slice(start, end), start, end, type });
  };

  // User dictionary first: the user knows best.
  if (userWords.length > 0) {
    const byWord = new Map(userWords.map((w) => [w.word, w.type]));
    const re = new RegExp(alternation([...byWord.keys()]), 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) push(m.index, m.index + m[0].length, byWord.get(m[0])!);
  }

  let m: RegExpExecArray | null;
  WORK.lastIndex = 0;
  while ((m = WORK.exec(text)) !== null) push(m.index, m.index + m[0].length, 'work');

  let w: LiteralMatch | null;
  for (let from = 0; (w = ORG_SUFFIX.find(text, from)) !== null; from = w.index + w.word.length) {
    const start = orgNameStart(text, w.index);
    if (start < w.index) {
      const name = text.slice(start, w.index + w.word.length);
      // 租赁有限公司 alone is the kind of company, its name was cut off.
      if (!GENERIC.test(name) && name.length >= 3 && !ORG_VERBS.has(text.slice(start, w.index))) push(start, w.index + w.word.length, 'org');
    }
  }

  // After a person found, the search goes on where its match ends, else at the next character.
  for (let at = PERSON_TITLE.nextStart(text, 0); at >= 0; ) {
    at = PERSON_TITLE.nextStart(text, personAfterTitle(text, at, push) ?? at + 1);
  }
  QUOTE_SPEAKER_RE.lastIndex = 0;
  while ((m = QUOTE_SPEAKER_RE.exec(text)) !== null) {
    if (isPersonName(m[1])) {
      const start = m.index + m[0].indexOf(m[1]);
      push(start, start + m[1].length, 'person');
    }
  }

  // The pattern needs both 、 and 等: most paragraphs can skip it.
  const mayEnumerate = text.includes('、') && text.includes('等');
  for (let from = 0; mayEnumerate && (m = nextEnumeration(text, from)) !== null; from = m.index + m[0].length) {
    const type = HEAD_TYPE[m[2]];
    let offset = m.index;
    m[1].split('、').forEach((raw, index) => {
      let inner = raw.replace(/^[“"]|[”"]$/g, '');
      // The pattern cannot see where the first item begins (与福特, 协助浙江): keep its last words.
      if (index === 0 && !/^[“"]/.test(raw)) inner = trailingName(inner);
      const at = text.indexOf(inner, offset);
      if (at >= 0 && inner) {
        push(at, at + inner.length, type);
        offset = at + inner.length;
      }
    });
  }

  for (let from = 0; (w = KNOWN_ORG.find(text, from)) !== null; from = w.index + w.word.length) {
    // 联想集团, 腾讯控股有限公司: a known name goes on to the suffix right after it.
    const suffix = ORG_SUFFIX.wordAt(text, w.index + w.word.length);
    push(w.index, w.index + w.word.length + (suffix?.length ?? 0), 'org');
  }

  PRODUCT_MODEL_RE.lastIndex = 0;
  while ((m = PRODUCT_MODEL_RE.exec(text)) !== null) push(m.index, m.index + m[0].length, 'product');

  for (let from = 0; (w = PLACE.find(text, from)) !== null; ) {
    let end = w.index + w.word.length;
    PLACE_SUFFIX.lastIndex = end;
    if (PLACE_SUFFIX.test(text)) end = PLACE_SUFFIX.lastIndex;
    push(w.index, end, 'place');
    from = end;
  }

  return resolveOverlaps(found);
}

/**
 * The first match of ENUMERATION_RE at or after `from`, as its exec from there finds it, but
 * with the search started late: the items and their separators are one run of CJK characters,
 * letters, quotes and 、 ending at the tail (等…品牌), so no match starts before the run that
 * holds the first tail, and a text without a tail is not searched at all.
 */
export function nextEnumeration(text: string, from: number): RegExpExecArray | null {
  ENUMERATION_TAIL.lastIndex = from;
  const tail = ENUMERATION_TAIL.exec(text);
  if (tail === null) return null;
  let start = tail.index;
  while (start > from && isEnumerationChar(text.charCodeAt(start - 1))) start--;
  ENUMERATION_RE.lastIndex = start;
  return ENUMERATION_RE.exec(text);
}

/** The characters ENUMERATION_RE's items and separators are made of: CJK, A-Z a-z, “ ” " and 、. */
function isEnumerationChar(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0x201c || c === 0x201d || c === 34 || c === 0x3001;
}

/** The trailing run of name-like words of a phrase (协助浙江 → 浙江, 联合热玛吉 → 热玛吉). */
function trailingName(phrase: string): string {
  const tokens = tag(phrase);
  let k = tokens.length;
  while (k > 0 && NAME_TAGS.test(tokens[k - 1].tag) && !/^(v|p|c|d)$/.test(tokens[k - 1].tag)) k--;
  return joinWords(tokens, k);
}

/**
 * A title at `at` followed by a person's name and a speech verb (负责人徐骏表示): pushes the
 * name and returns where the match ends, or null when there is none. The titles starting at
 * `at` are tried longest first, as the regex alternation would.
 */
function personAfterTitle(text: string, at: number, push: (start: number, end: number, type: EntityType) => void): number | null {
  for (const title of PERSON_TITLE.candidatesAt(text, at) ?? []) {
    if (!text.startsWith(title, at)) continue;
    NAME_AFTER_TITLE.lastIndex = at + title.length;
    const rest = NAME_AFTER_TITLE.exec(text);
    if (rest === null) continue;
    const name = rest[1];
    const end = NAME_AFTER_TITLE.lastIndex;
    if (isPersonName(name)) {
      const start = at + text.slice(at, end).indexOf(name);
      push(start, start + name.length, 'person');
    }
    return end;
  }
  return null;
}

/**
 * Characters Chinese writes foreign names with (库克, 马斯克, 扎克伯格): a name after a title
 * made only of them is a transliterated name, though no Chinese surname starts it.
 */
const TRANSLITERATION = new Set(
  '阿埃艾安奥巴拜贝本比彼波伯布查达戴德蒂迪丁杜多厄恩法菲费芬弗福盖戈格古哈海汉赫亨霍基吉加杰金卡凯坎考柯科克肯库拉莱兰朗劳勒雷里利莉林琳卢鲁伦罗洛玛麦曼梅门米莫默穆纳娜奈内尼妮纽努诺欧帕佩皮普奇乔切琼萨塞桑瑟森沙莎尚施什斯苏索塔泰坦汤特提图托瓦威韦维温沃乌伍西希谢辛休雅亚扬耶伊因尤约泽扎詹朱佐兹茨'
);

function isPersonName(name: string): boolean {
  if (SURNAMES.has(name[0]) || SURNAMES.has(name.slice(0, 2))) return true;
  return name.length >= 2 && [...name].every((ch) => TRANSLITERATION.has(ch));
}

/** Words of company names that the tagger calls verbs (华辰/控股/集团, 远航/租赁/公司). */
const ORG_VERBS = new Set(['控股', '制造', '开发', '出版', '租赁', '配送']);

/**
 * Where an organisation name ending at `suffixStart` begins: walk back over the words
 * before the suffix while they can be part of a name (广州/食药/环侦 + 支队), allowing one
 * bracketed part (捷豹路虎(中国)有限公司).
 */
function orgNameStart(text: string, suffixStart: number): number {
  let windowStart = Math.max(0, suffixStart - 14);
  const slice = text.slice(windowStart, suffixStart);
  const brk = Math.max(slice.lastIndexOf('，'), slice.lastIndexOf('。'), slice.lastIndexOf('、'), slice.lastIndexOf(','),
    slice.lastIndexOf('；'), slice.lastIndexOf('“'), slice.lastIndexOf('”'), slice.lastIndexOf('\n'), slice.lastIndexOf('　'), slice.lastIndexOf(' '));
  if (brk >= 0) windowStart += brk + 1;
  const tokens = tag(text.slice(windowStart, suffixStart));
  let start = suffixStart;
  let k = tokens.length - 1;
  let inBracket = false;
  let taken = 0;
  while (k >= 0) {
    const t = tokens[k];
    if (t.word === ')' || t.word === '）') inBracket = true;
    else if (t.word === '(' || t.word === '（') inBracket = false;
    else if (!inBracket && !(NAME_TAGS.test(t.tag) || ORG_VERBS.has(t.word) || (t.tag === 'v' && taken > 0 && k > 0)) ) break;
    else if (!inBracket && !/[\u4e00-\u9fffA-Za-z]/.test(t.word)) break;
    start -= t.word.length;
    taken++;
    k--;
  }
  // A name does not start with a verb (协助广州…支队 → 广州…支队).
  let s = start;
  for (const t of tokens.slice(k + 1)) {
    // 归属于/位于/对于上市公司: a word ending in 于 relates the name, it does not start it.
    if ((t.tag === 'v' && !ORG_VERBS.has(t.word)) || t.tag === 'p' || t.tag === 'c' || t.tag.startsWith('u') || t.tag === 'd' || t.tag === 'r' || (t.word.length > 1 && t.word.endsWith('于'))) s += t.word.length;
    else break;
  }
  return s;
}

const PRIORITY: Record<EntityType, number> = { work: 5, org: 4, person: 3, product: 2, place: 1 };

/** Keep the longest, highest-priority entity where spans overlap; output in text order. */
function resolveOverlaps(list: Entity[]): Entity[] {
  list.sort((a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[b.type] - PRIORITY[a.type] || a.start - b.start);
  // Kept entities stay sorted by start, so that an overlap test looks at two neighbours only.
  const kept: Entity[] = [];
  for (const e of list) {
    const lo = firstIndex(0, kept.length, (i) => kept[i].start >= e.start);
    const before = kept[lo - 1];
    const after = kept[lo];
    if ((before && before.end > e.start) || (after && after.start < e.end)) continue;
    kept.splice(lo, 0, e);
  }
  return kept;
}
