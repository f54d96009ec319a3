// What a figure measures: the short noun phrase that names it. Looked for first in the clause
// before the number (涉案金额达38.87亿 → 涉案金额), then right after its measure word
// (抓捕110名犯罪嫌疑人 → 犯罪嫌疑人). Only that clause is segmented, never the whole text.
import type { Claim } from './types';
import { tag, joinWords, type Token } from './segmenter';
import { MONEY_WORDS } from './units';

/** Characters that end a clause, by code (read for every character of every figure's window). */
const CLAUSE_BREAK = new Uint8Array(0x10000);
for (const ch of '，。；：！？、,;:!?\n\r（）()“”"「」『』【】[]…—') CLAUSE_BREAK[ch.charCodeAt(0)] = 1;
const isClauseBreak = (text: string, i: number) => CLAUSE_BREAK[text.charCodeAt(i)] === 1;
const WINDOW = 18;

/** Words between the subject and the number that do not name anything (达, 增长, 同比, 分别). */
const LINK_WORDS = new Set(
  ('达 为 是 有 共 计 约 超 逾 近 仅 已 已经 均 都 再 又 也 还 更 更是 即 则 就 共有 共计 合计 总计 累计 达到 高达 多达 约为 ' +
    '增长 增加 提升 提高 上升 上涨 下降 降低 减少 下滑 下跌 回落 增至 降至 达至 升至 减至 扩大 缩小 突破 超过 超出 接近 将近 不足 不到 ' +
    '同比 环比 比 较 较上年 比上年 分别 分别为 平均 人均 占 占比 约占 仅占 实现 完成 保持 维持 录得 创 创下 了 着 过 的 到 至 在 于 ' +
    '拟 拟以 以 予以 年均 以上 以下 左右 上下 其中 全年 当年 今年 去年 年内 同期 目前 至今 以来 累计达 大涨 大增 大降 暴涨 暴跌 激增 骤降 猛增 剧增 锐减 可 可达 可望 有望 将 将达 预计 预期 或 约占 ').split(' ').filter(Boolean),
);

/** Single-character heads the tagger often calls verbs (举报/率, 入驻/量). */
const HEAD_SUFFIXES = new Set(['率', '量', '额', '数', '值', '价', '费', '比', '度', '面积', '规模', '人数', '次数']);

/** Change verbs, with or without a comparison base (同比增长, 较上年下降了). */
const CHANGE_WORD = /^(?:同比|环比|较上年|比上年|较去年|比去年|较|比)?(?:增长|增加|提升|提高|上升|上涨|下降|降低|减少|下滑|下跌|回落|增幅|降幅|扩大|缩小)了?$/;

function isLink(t: Token): boolean {
  return LINK_WORDS.has(t.word) || CHANGE_WORD.test(t.word);
}

/** Nouns of economic reporting that the tagger often calls verbs (营业/收入). */
const REPORTING_NOUNS = new Set(
  '收入 支出 投资 融资 出口 进口 消费 零售 销售 产量 利润 营收 贷款 存款 增速 增幅 降幅 投入 产出 成交 交易 就业 招聘 注册 下载 访问 浏览 播放 点击 举报 投诉 维权 备案 审核 申请'.split(' '),
);

/** Time words name when, not what (去年同期, 当年). */
const TIME_WORD = /^(?:去年|今年|上年|前年|明年|同期|当年|本年|全年|年末|年底|年初|上半年|下半年|季度|月份|当月|本月|上月)/;

function isNounish(t: Token): boolean {
  if (!/[\u4e00-\u9fffA-Za-z]/.test(t.word) || TIME_WORD.test(t.word) || t.tag === 't') return false;
  if (HEAD_SUFFIXES.has(t.word) || REPORTING_NOUNS.has(t.word)) return true;
  return /^(n|vn|an|nz|nt|nr|ns|ng|j|eng|x|l)/.test(t.tag) && !isLink(t);
}

const WORDS_ENDING_LIKE_LINKS = new Set('到达 表达 发达 传达 下达 抵达 直达 送达 通达 长达 高达 多达 成为 作为 认为 行为 因为 称为 视为 以为 较为 最为 更为 极为 颇为 尤为 甚为 大为 广为 约为 实为 分别为 均为 共为 超超 接近 将近 最近 附近 临近 邻近 靠近 贴近 亲近 几近 逼近 就近'.split(' '));

/** Words can swallow the link after them (营收达, 抽检率达): give the link back. */
function splitTrailingLink(tokens: readonly Token[]): readonly Token[] {
  const last = tokens[tokens.length - 1];
  if (last && last.word.length >= 2 && /[达为超约近逾]$/.test(last.word) && !WORDS_ENDING_LIKE_LINKS.has(last.word)) {
    return [...tokens.slice(0, -1), { word: last.word.slice(0, -1), tag: 'n' }, { word: last.word.slice(-1), tag: 'v' }];
  }
  return tokens;
}
/**
 * Verbs that start a predicate (职工获得补贴, 商家提供服务, 企业表示…): after a noun they end the
 * subject rather than join it to the next noun as a short verb inside a name does (画面侵权直播间).
 */
const PREDICATE_VERBS = new Set('表示 认为 获得 得到 获 提供 参与 参加 享受 使用 购买 收到 接受 选择 支持 反映 领取 完成 实现 通过 开展 发布'.split(' '));

/** Averages that head a measure: 人均GDP, 户均存款, 日均客流. */
const PER_HEAD = new Set(['人均', '平均', '户均', '日均', '月均', '年均', '场均', '单均']);

/** Words the tagger makes of a speech verb and what follows (表示满意): they start the predicate. */
const SPEECH_START = /^(?:表示|认为)./;

/** Negations the tagger cuts off a noun phrase (不/合格/产品). */
const NEGATIONS = new Set(['不', '非', '未', '无']);

function isModifierVerb(t: Token): boolean {
  return (t.tag === 'v' || t.tag === 'vd' || t.tag === 'b') && t.word.length <= 2 && !LINK_WORDS.has(t.word);
}

/** Where the clause holding `start` begins. */
function clauseStart(text: string, start: number): number {
  let i = start - 1;
  const min = Math.max(0, start - WINDOW);
  while (i >= min && !isClauseBreak(text, i)) i--;
  return i + 1;
}

/** Where the clause after `end` stops, and whether the window cut it short mid-clause. */
function clauseEnd(text: string, end: number): { to: number; cut: boolean } {
  let i = end;
  const max = Math.min(text.length, end + 16);
  while (i < max && !isClauseBreak(text, i)) i++;
  return { to: i, cut: i === max && i < text.length && !isClauseBreak(text, i) };
}

/** The subject before the figure, walking back over link words then collecting nouns. */
function subjectBefore(allTokens: readonly Token[]): string {
  const tokens = splitTrailingLink(allTokens);
  let k = tokens.length - 1;
  while (k >= 0 && (isLink(tokens[k]) || tokens[k].tag === 'd' || tokens[k].tag.startsWith('u') || tokens[k].tag === 'm' || !/[\u4e00-\u9fffA-Za-z]/.test(tokens[k].word))) {
    // A、B等70余家: what precedes 等 is a list of examples, not what is counted.
    if (tokens[k].word === '等' || tokens[k].word === '等等') return '';
    k--;
  }
  // 价格为每吨2860元: 每 and its unit say what the figure is per, the subject precedes them.
  while (k >= 0 && (tokens[k].word.startsWith('每') || (k > 0 && tokens[k - 1].word === '每'))) {
    k -= tokens[k].word.startsWith('每') ? 1 : 2;
    while (k >= 0 && isLink(tokens[k])) k--;
  }
  // 占 splits part from whole: the subject is the part (规则数量占现有规则总量的70%).
  // 营业收入从86.4亿元: 从/由 opens the before-value of a change, the subject precedes it.
  if (k >= 0 && (tokens[k].word === '从' || tokens[k].word === '由')) k--;
  const share = tokens.findIndex((t) => t.word === '占' || t.word === '占比');
  if (share > 0 && share <= k) k = share - 1;
  const words: string[] = [];
  let chars = 0;
  // 人均GDP, 平均工资: before a noun, 人均 is part of what is measured (before the figure, a link).
  while (k >= 0 && (isNounish(tokens[k]) || (words.length > 0 && PER_HEAD.has(tokens[k].word))) && words.length < 4 && chars + tokens[k].word.length <= 12) {
    words.unshift(tokens[k].word);
    chars += tokens[k].word.length;
    k--;
  }
  if (words.length === 0) return '';
  // 不合格产品: a negation before the noun is part of what is counted (合格产品 says the opposite).
  if (k >= 0 && NEGATIONS.has(tokens[k].word)) {
    words.unshift(tokens[k].word);
    k--;
  }
  // 5G基站, 4K电视: digits glued to the letters after them belong to the name.
  if (k >= 0 && /^[0-9]+$/.test(tokens[k].word) && /^[A-Za-z]/.test(words[0])) {
    words.unshift(tokens[k].word);
    k--;
  }
  // A place alone is where, not what (广西数十万亩火龙果).
  if (tokens.slice(k + 1).every((t) => t.tag === 'ns')) return '';
  // A short head noun takes the verb that modifies it: 涉案金额, 侵权达人, 入驻量.
  if (chars <= 2 && k >= 0 && (isModifierVerb(tokens[k]) || (tokens[k].tag === 'a' && tokens[k].word.length === 2))) {
    words.unshift(tokens[k].word);
    chars += tokens[k].word.length;
    k--;
    while (k >= 0 && isNounish(tokens[k]) && chars + tokens[k].word.length <= 12) {
      words.unshift(tokens[k].word);
      chars += tokens[k].word.length;
      k--;
    }
  }
  return words.join('');
}

/** The subject after the measure word: 110名犯罪嫌疑人, 超600个品牌, 98%的知产投诉. */
function subjectAfter(tokens: readonly Token[]): string {
  let k = 0;
  // k < length, not tokens[k]: reading past the end would throw the optimised code away.
  if (k < tokens.length && (tokens[k].word === '的' || tokens[k].word === '之')) k++;
  if (k < tokens.length && !/[\u4e00-\u9fff]/.test(tokens[k].word)) return '';
  const taken: Token[] = [];
  let chars = 0;
  while (k < tokens.length && chars < 10) {
    const t = tokens[k];
    if (taken.length > 0 && SPEECH_START.test(t.word)) break; // 七成受访者表示满意 → 受访者
    const next = tokens[k + 1];
    const nextIsNoun = next !== undefined && isNounish(next) && /[\u4e00-\u9fff]/.test(next.word);
    const modifier = taken.length === 0 && (t.tag === 'a' || t.tag === 'b' || t.tag === 's' || (isModifierVerb(t) && t.word.length === 2)) && nextIsNoun;
    // Inside the phrase a short verb may join two nouns (画面侵权直播间), never end it.
    const joining = taken.length > 0 && (t.tag === 'vn' || isModifierVerb(t)) && nextIsNoun && !PREDICATE_VERBS.has(t.word);
    if ((isNounish(t) && (t.tag !== 'vn' || taken.length === 0)) || joining || modifier) {
      taken.push(t);
      chars += t.word.length;
      k++;
    } else {
      break;
    }
  }
  // A verbal noun may end it (4亿台设备, 600项服务); a verb may not.
  while (taken.length > 0 && /^v(?!n)/.test(taken[taken.length - 1].tag) && !REPORTING_NOUNS.has(taken[taken.length - 1].word)) taken.pop();
  if (taken.length === 0) {
    // 拦截超9.2万次使用伪造授权的入驻申请: what is counted follows the 的 of its description.
    const de = tokens.findIndex((t, i) => i >= k && (t.word === '的' || t.word === '之'));
    if (de > k && de - k <= 8) return subjectAfter(tokens.slice(de));
  }
  return joinWords(taken);
}

export interface SubjectFound {
  subject: string;
  /** Where the words this figure used end: a forward subject is not the next figure's too. */
  usedUntil: number;
}

/**
 * The subject of one claim. `after` is where the previous figure's words end, so that in
 * 10个语种11个文版 the second figure does not borrow 语种. Dates and times have none.
 */
export function findSubject(text: string, claim: Claim, after = 0): SubjectFound {
  if (claim.kind === 'date' || claim.kind === 'time') return { subject: '', usedUntil: claim.end };
  let from = Math.max(clauseStart(text, claim.start), Math.min(after, claim.start));
  let until = claim.start;
  // 营业收入：103.7亿元 — a label before a colon names the figure after it.
  // from > 0 first: reading before the text's start would throw the optimised code away.
  const colonBefore = from > 0 && (text.charCodeAt(from - 1) === 0x3a || text.charCodeAt(from - 1) === 0xff1a);
  if (colonBefore && /^\s*$/.test(text.slice(from, until))) {
    until = from - 1;
    from = clauseStart(text, until);
  }
  const beforeTokens = tag(text.slice(from, until));
  const before = subjectBefore(beforeTokens);
  // An amount of money does not count the words after it (营收达398亿，拼多多…).
  const forwardFirst = countedAfter(text, claim) && !MONEY_WORDS.test(before);
  if (before && claim.kind !== 'ordinal' && !forwardFirst) return { subject: before, usedUntil: claim.end };
  const { to, cut } = clauseEnd(text, claim.end);
  if (claim.kind === 'count' || claim.kind === 'percent' || claim.kind === 'quantity' || claim.kind === 'money' || claim.kind === 'ordinal') {
    const tokens = tag(text.slice(claim.end, to));
    // A window that cut the clause short may have cut its last word too (提供服|务).
    const forward = subjectAfter(cut && tokens.length > 1 ? tokens.slice(0, -1) : tokens);
    if (forward) {
      const at = text.indexOf(forward, claim.end);
      return { subject: forward, usedUntil: at >= 0 ? at + forward.length : claim.end };
    }
  }
  if (before && claim.kind !== 'ordinal') return { subject: before, usedUntil: claim.end };
  // 拦截超9.2万次, 起降1170万架次: for counts of actions, the action is what is counted.
  const verb = [...beforeTokens].reverse().find((t) => t.tag === 'v' && !LINK_WORDS.has(t.word));
  return { subject: verb && claim.kind === 'count' && claim.unit.endsWith('次') ? verb.word : '', usedUntil: claim.end };
}

/**
 * Whether the words right after a figure name what it counts, before anything before it does:
 * a bare amount followed by a noun (超过600万商家), or a share followed by 的 (平台95%的疑似侵权链接).
 */
function countedAfter(text: string, claim: Claim): boolean {
  const next = text[claim.end] ?? '';
  if (claim.kind === 'count' && claim.unit === '' && /[\u4e00-\u9fff]/.test(next) && !/[的和与及或、等]/.test(next)) return true;
  return claim.kind === 'percent' && next === '的' && !/[的占为达是]$/.test(text.slice(0, claim.start).replace(/[约近超逾]+$/, ''));
}

/** The last few words before a figure, for deciding whether a bare amount is money (花100亿). */
export function wordsBefore(text: string, claim: Claim): string {
  return text.slice(clauseStart(text, claim.start), claim.start);
}
