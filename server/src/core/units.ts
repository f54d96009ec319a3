// What may follow a number, and what it makes of it: measure words, currencies, percent signs,
// time spans and physical quantities with their conversion to SI-style base units.
import type { ClaimKind } from './types';

export interface UnitDef {
  /** As written in the text. */
  text: string;
  kind: ClaimKind;
  /** Base unit (contract): measure word, ISO 4217, %, ‰, pp, second…year, SI-ish symbol. */
  unit: string;
  /** Multiply the number by this to get the value in `unit`. */
  factor: number;
}

const defs: UnitDef[] = [];
const add = (kind: ClaimKind, unit: string, factor: number, ...texts: string[]) => {
  for (const text of texts) defs.push({ text, kind, unit, factor });
};

// Money: the currency's own unit.
add('money', 'CNY', 1, '元', '元整', '圆', '圆整', '元人民币', '人民币', '块钱', 'RMB', 'CNY');
add('money', 'USD', 1, '美元', '美金', 'USD');
add('money', 'HKD', 1, '港元', '港币', 'HKD');
add('money', 'EUR', 1, '欧元', 'EUR');
add('money', 'JPY', 1, '日元', 'JPY');
add('money', 'GBP', 1, '英镑', 'GBP');
add('money', 'KRW', 1, '韩元');
add('money', 'AUD', 1, '澳元');
add('money', 'CAD', 1, '加元');
add('money', 'TWD', 1, '新台币', '台币');
add('money', 'NGN', 1, '奈拉');
add('money', 'SGD', 1, '新加坡元');
add('money', 'RUB', 1, '卢布');
add('money', 'CHF', 1, '瑞郎', '瑞士法郎');
add('money', 'INR', 1, '卢比');

// Shares and rates.
add('percent', '%', 1, '%', '％');
add('percent', '‰', 1, '‰');
add('percent-point', 'pp', 1, '个百分点', '百分点');
add('multiple', '×', 1, '倍');

// Time spans.
add('duration', 'second', 1, '秒钟', '秒');
add('duration', 'minute', 1, '分钟');
add('duration', 'hour', 1, '小时', '个小时', '个多小时', '个钟头');
add('duration', 'day', 1, '天', '个工作日', '工作日', '日内');
add('duration', 'week', 1, '周', '个星期', '星期', '个礼拜');
add('duration', 'month', 1, '个月', '个多月');
add('duration', 'month', 3, '个季度');
add('duration', 'year', 1, '周年', '年');

// Physical quantities, converted to SI-style symbols.
add('quantity', 't', 1, '吨', '公吨');
add('quantity', 'kg', 1, '公斤', '千克', 'kg', 'KG');
add('quantity', 'kg', 0.5, '斤');
add('quantity', 'g', 1, '克');
add('quantity', 'mg', 1, '毫克');
add('quantity', 'ug', 1, '微克');
add('quantity', 'kcal', 1, '千卡', '大卡');
add('quantity', 'bit', 1, '比特');
add('quantity', 'B', 1, '字节');
add('quantity', 'KB', 1, '千字节', 'KB');
add('quantity', 'MB', 1, '兆字节');
add('quantity', 'GB', 1, '吉字节');
add('quantity', 'MHz', 1, '兆赫兹', '兆赫', 'MHz');
add('quantity', 'km', 1, '公里', '千米', 'km');
add('quantity', 'm', 1, '米', 'm');
add('quantity', 'cm', 1, '厘米', '公分', 'cm', 'CM');
add('quantity', 'mm', 1, '毫米', 'mm');
add('quantity', 'km2', 1, '平方公里', '平方千米', 'km2', 'km²');
add('quantity', 'm2', 1, '平方米', '平米', 'm2', 'm²');
add('quantity', 'm3', 1, '立方米', '方', 'm3', 'm³');
add('quantity', 'ha', 1, '公顷');
add('quantity', 'mu', 1, '亩');
add('quantity', 'kWh', 1, '千瓦时', '度电', 'kWh');
add('quantity', 'kW', 1, '千瓦', 'kW');
add('quantity', 'MW', 1, '兆瓦', 'MW');
add('quantity', 'GW', 1, '吉瓦', 'GW');
add('quantity', 'L', 1, '升');
add('quantity', 'mL', 1, '毫升');
add('quantity', 'ug/m3', 1, '微克/立方米', 'μg/m³', 'μg/m3', 'ug/m3');
add('quantity', '°C', 1, '摄氏度', '℃');
add('quantity', 'nmi', 1, '海里');
add('quantity', 'TEU', 1, '标准箱', '标箱', 'TEU');
// Transport work and energy in statistical bulletins: 货物周转量24.8万亿吨公里, 57.2亿吨标准煤.
add('quantity', 'tkm', 1, '吨公里');
add('quantity', 'pkm', 1, '人公里');
add('quantity', 'tce', 1, '吨标准煤', '吨标煤');
add('quantity', 'GB', 1, 'GB');
add('quantity', 'TB', 1, 'TB');
add('quantity', 'MB', 1, 'MB');
add('quantity', 'mAh', 1, 'mAh', '毫安时');
add('quantity', 'W', 1, 'W', '瓦');
add('quantity', 'Hz', 1, 'Hz', '赫兹');
add('quantity', 'GHz', 1, 'GHz');
add('quantity', 'nm', 1, 'nm', '纳米');
add('quantity', 'in', 1, '英寸');
add('quantity', 'mi', 1, '英里');
add('quantity', 'ft', 1, '英尺');
add('quantity', 'lb', 1, '磅');
add('quantity', 'oz', 1, '盎司');
add('quantity', 'km/h', 1, '公里/小时', '千米/小时', 'km/h');

// Counts: the measure word is the unit. Two-character words first so that they win.
const MEASURE_WORDS =
  '人次 户次 家次 车次 架次 批次 款次 余人 个 项 回 岁 家 条 件 名 起 次 人 位 张 份 篇 部 台 辆 架 艘 座 所 只 头 株 棵 批 套 款 户 宗 例 种 类 场 期 轮 单 笔 本 册 首 集 间 处 片 支 把 组 对 双 枚 颗 根 道 门 幅 封 则 段 层 栋 幢 趟 届 页 章 字 国 省 市 县 区 村 镇 校 队 股 亿 万 点 分 票 粒 盒 瓶 包 箱 袋 卷 匹 尾 羽 口 剂 床 桌 元'
    .split(' ')
    .filter((w) => w !== '元' && w !== '亿' && w !== '万' && w !== '余人');
for (const w of MEASURE_WORDS) add('count', w, 1, w);

/** Longest unit text first, so that 个百分点 wins over 个 and 平方公里 over 公里. */
const byLength = [...defs].sort((a, b) => b.text.length - a.text.length);
const byFirstChar = new Map<string, UnitDef[]>();
for (const d of byLength) {
  const list = byFirstChar.get(d.text[0]) ?? [];
  list.push(d);
  byFirstChar.set(d.text[0], list);
}

/** The unit written at `i`, longest match first, or null. */
export function matchUnit(text: string, i: number): UnitDef | null {
  const list = byFirstChar.get(text[i]);
  if (!list) return null;
  for (const d of list) {
    if (text.startsWith(d.text, i)) {
      // ASCII units must end at a word boundary (5GB yes, 5GBit no).
      if (/[A-Za-z]$/.test(d.text) && /[A-Za-z0-9]/.test(text[i + d.text.length] ?? '')) continue;
      return d;
    }
  }
  return null;
}

/** Units of time written with 个 (个月, 个小时, 个星期), longest first. */
const COUNTED_TIME = byLength.filter((d) => d.kind === 'duration' && d.text.length > 1 && d.text[0] === '个' && !d.text.includes('多'));

/**
 * 三个半月, 两个半小时: a unit of time written with 个 and the half inside it. `i` is where the
 * unit goes on after 个半; the answer is the unit as written without the half (个月), or null
 * (三个半岛 is three peninsulas).
 */
export function timeUnitAfterHalf(text: string, i: number): UnitDef | null {
  for (const d of COUNTED_TIME) if (text.startsWith(d.text.slice(1), i)) return d;
  return null;
}

/** Currency symbols and codes written before the amount (¥100, US$1.2亿, RMB 50). */
const CURRENCY_PREFIXES: Array<[string, string]> = [
  ['US$', 'USD'], ['HK$', 'HKD'], ['NT$', 'TWD'], ['S$', 'SGD'], ['A$', 'AUD'], ['C$', 'CAD'],
  ['人民币', 'CNY'], ['RMB', 'CNY'], ['CNY', 'CNY'], ['USD', 'USD'], ['HKD', 'HKD'], ['EUR', 'EUR'],
  ['JPY', 'JPY'], ['GBP', 'GBP'], ['美元', 'USD'], ['港币', 'HKD'],
  ['¥', 'CNY'], ['￥', 'CNY'], ['$', 'USD'], ['＄', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['￡', 'GBP'],
];

/** The characters currency prefixes end with: asked before every number, most have none before them. */
const CURRENCY_LAST_CHARS = new Set(CURRENCY_PREFIXES.map(([sym]) => sym[sym.length - 1]));

/** A currency prefix ending at `end` (spaces allowed between it and the number). */
export function currencyPrefixBefore(text: string, end: number): { start: number; code: string } | null {
  let j = end;
  while (j > 0 && text[j - 1] === ' ') j--;
  if (j === 0 || !CURRENCY_LAST_CHARS.has(text[j - 1])) return null;
  for (const [sym, code] of CURRENCY_PREFIXES) {
    if (j >= sym.length && text.startsWith(sym, j - sym.length)) {
      const start = j - sym.length;
      // A code glued to other letters (ABCUSD) is not a currency prefix.
      if (/^[A-Z]/.test(sym) && start > 0 && /[A-Za-z]/.test(text[start - 1])) continue;
      // 美元/港币 before a number only in the "美元1.2亿" order is rare: require no letter after.
      return { start, code };
    }
  }
  return null;
}

/** Subjects and verbs that make a bare amount money (涉案金额达38.87亿, 营收398亿, 花100亿). */
export const MONEY_WORDS =
  /金额|营收|收入|利润|净利|毛利|GMV|gmv|销售额|成交额|交易额|营业额|市值|估值|资产|负债|投资|融资|资金|成本|费用|价格|售价|价值|产值|税收|税款|预算|支出|赔偿|罚款|罚没|损失|货值|资本|募资|存款|贷款|保费|总额|花费|耗资|斥资|筹资|奖金|薪酬|工资|拨款|营业款|销售收入/;

/** Verbs right before a bare amount that make it money (花100亿, 投入50亿). */
export const MONEY_VERBS = /(花|花费|投入|投资|耗资|斥资|募集|筹集|融资|拨付|补贴|罚款|赔偿|赚|亏损|盈利|营收|净赚|净亏)$/;

/** Every unit as written, for tools that must recognise the same units (the TextMate grammar). */
export function unitTexts(): string[] {
  return defs.map((d) => d.text);
}

/** Currency symbols and codes written before an amount, as written. */
export function currencyPrefixTexts(): string[] {
  return CURRENCY_PREFIXES.map(([sym]) => sym);
}
