// Random inputs for the property tests: hostile Unicode (surrogate pairs and lone halves,
// combining marks, controls, NUL, BOMs, every kind of line break) mixed with fragments of
// Chinese report prose and numerals, so that the generated text reaches deep into the scanner.
import fc from 'fast-check';

/** Pieces of report prose: figures, scale words, qualifiers, units, dates, names, punctuation. */
export const FRAGMENTS = [
  '超', '近', '约', '逾', '达', '共', '累计', '左右', '以上', '以下', '不足', '至少', '最多', '多', '余', '数', '上',
  '64万项', '38.87亿元', '1968名', '98%', '50万条', '一万家', '两万五', '三成', '5.2个百分点', '2倍', '三分之一',
  '同比增长', '增长了', '下降', '占比', '其中', '合计', '总计', '分别为', '较上年', '环比',
  '去年底', '今年', '上半年', '第一季度', '2021年', '2023年3月24日', '3月', '24日', '星期四', '（周五）', '12:30', '上午',
  '2021-03-31', '2023/1/2', '2023.03.24', '发布时间：2023-03-23',
  '阿里巴巴', '抖音', '国家知识产权局', '《报告》', '北京市', '张三', '某公司',
  '元', '美元', '万元', '亿元', '件', '个', '人', '公里', '吨', '平方米', '‰', '%', '％', '万', '亿', '千', '百', '十', '零', '〇',
  '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '壹', '贰', '拾', '佰', '仟', '萬', '億', '兆', '第',
  '0', '1', '2', '5', '9', '.', '．', ',', '，', '。', '、', '；', '：', '-', '—', '~', '～', '至', '到', '/', '+', '−', 'e', 'E',
  '０', '１', '９', '（', '）', '(', ')', '“', '”', '"', '《', '》', ' ', '　', '\t',
  '\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', '\uFEFF', '\u0000', '\u0007', '\u001b', '\u200b', '\u200d',
  '\u0301', '\u0300\u0323', '\u3099', '𠀀', '𪚥', '😀', '👨‍👩‍👧', '\uD800', '\uDC00', '\uDBFF', '\uDFFF',
];

/** One UTF-16 code unit of any value, lone surrogates included. */
export const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Any code point, written properly (astral ones as a surrogate pair). */
export const codePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));

/** CJK ideographs and the punctuation around them. */
export const cjk = fc.oneof(
  fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x3000, max: 0x303f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xff00, max: 0xffef }).map((c) => String.fromCharCode(c))
);

export const fragment = fc.constantFrom(...FRAGMENTS);

/** Text made of report fragments with hostile characters mixed in. */
export function reportLike(maxLength = 80): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof({ weight: 6, arbitrary: fragment }, { weight: 1, arbitrary: codeUnit }, { weight: 1, arbitrary: codePoint }, { weight: 2, arbitrary: cjk }), {
      maxLength,
      // fast-check keeps arrays near 10 items by default; reports need longer runs of text.
      size: 'max',
    })
    .map((parts) => parts.join(''));
}

/** Fully random UTF-16 (lone surrogates included). */
export const anyUtf16 = fc.string({ unit: codeUnit, maxLength: 200, size: 'max' });

/** Numerals and scale words only: the scanner's hardest part. */
export const numeralSoup = fc
  .array(fc.constantFrom('0', '1', '5', '9', '.', '万', '亿', '千', '百', '十', '零', '两', '一', '九', '〇', '萬', '億', '兆', '多', '余', '几', '数', '%', '倍', '分之', '点', '第', '年', '月', '日', '号', '至', '-'), { maxLength: 60, size: 'max' })
  .map((p) => p.join(''));

/** Line-break soup: every break style, blank lines, BOMs in odd places. */
export const lineSoup = fc
  .array(fc.oneof(fc.constantFrom('\n', '\r', '\r\n', '\n\r', '\uFEFF', '', '　'), reportLike(6)), { maxLength: 30, size: 'max' })
  .map((p) => p.join(''));

/** Long runs that could trip quadratic or exponential paths, with the sizes the brief names. */
export const LONG_RUNS: Array<[string, string]> = [
  ['5000 ones then 万亿', '1'.repeat(5000) + '万亿'],
  ['3000 九', '九'.repeat(3000)],
  ['一万 ×2000', '一万'.repeat(2000)],
  ['万 ×5000', '万'.repeat(5000)],
  ['亿万 ×3000', '亿万'.repeat(3000)],
  ['digits with dots', '1.'.repeat(4000)],
  ['digits with commas', '1,'.repeat(4000) + '000'],
  ['10000 digits', '9'.repeat(10000) + '亿元'],
  ['decimal of 3000 digits', '0.' + '3'.repeat(3000) + '%'],
  ['零 ×5000', '零'.repeat(5000)],
  ['两千 ×2000', '两千'.repeat(2000) + '元'],
  ['超约近 ×2000', '超约近'.repeat(2000) + '5万'],
  ['年月日 ×2000', '2021年3月'.repeat(2000)],
  ['percent chain', '5%'.repeat(4000)],
  ['分之 chain', '三分之'.repeat(3000) + '一'],
  ['至 ranges', '1至'.repeat(4000) + '2万'],
  ['《 without 》', '《'.repeat(5000) + '报告'],
  ['quotes', '“'.repeat(5000)],
  ['full-width digits', '１'.repeat(5000) + '万'],
  ['astral run', '𠀀'.repeat(5000) + '5万'],
  ['lone surrogates', '\uD800'.repeat(3000) + '5万' + '\uDC00'.repeat(3000)],
  ['combining run', '5' + '\u0301'.repeat(5000) + '万'],
  ['NUL run', '\u0000'.repeat(5000) + '超64万项'],
  ['sentence ×500', '截至去年底，平台累计删除侵权链接超64万条，同比增长12.5%。'.repeat(500)],
];
