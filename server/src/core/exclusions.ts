// Spans where digits are not claims: phone and fax numbers, ICP/公网安备 numbers, e-mail
// addresses, URLs, codes and copyright years. Found once per text; the scanner skips them.

export interface Span {
  start: number;
  end: number;
}

/**
 * A pattern, and the strings one of which each of its matches contains (when there are such):
 * a paragraph holding none of them is not searched. Most paragraphs have no e-mail address,
 * phone label or 双11, and a regex costs a pass over the paragraph even when it finds nothing.
 */
interface Exclusion {
  re: RegExp;
  needs?: string[];
}

const PATTERNS: Exclusion[] = [
  // URLs and bare domains (www.x.cn, LIVE.100EC.CN, china.org.cn/a/b).
  { re: /\b(?:https?|ftp):\/\/[^\s，。；、“”"'<>（）()]+/gi, needs: ['://'] },
  { re: /\b(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org|gov|edu|io|info|biz|co|hk|tw|jp|uk|de|top|xyz|cc|tv|me)\b(?:\/[^\s，。；、“”"'<>（）()]*)?/gi, needs: ['.'] },
  // E-mail addresses, including ones whose local part was spaced out (435 227 67@qq.com).
  { re: /(?:\d+ )*[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, needs: ['@'] },
  // Labelled phone, fax and account numbers: everything phone-like after the label.
  { re: /(?:电话|传真|热线|手机|座机|联系方式|客服|咨询|举报|Tel|TEL|tel|Fax|FAX|fax|QQ|qq|微信|邮编|邮政编码)(?:号码|号)?\s*[:：]?\s*[0-9０-９+＋()（）\-－—\s转]{5,}/g },
  // Unlabelled phone numbers: mobile, area-code landlines, 400/800 lines, +86/0086 prefixes.
  { re: /(?:\+86|0086)[-\s]?[0-9][0-9\-\s]{6,}[0-9]/g, needs: ['+86', '0086'] },
  { re: /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g },
  { re: /(?<![0-9])0[1-9][0-9]{1,2}-[0-9]{7,8}(?:-[0-9]{1,6})?(?![0-9])/g, needs: ['-'] },
  { re: /(?<![0-9])[48]00-?[0-9]{3}-?[0-9]{4}(?![0-9])/g, needs: ['400', '800'] },
  // Registration numbers: 京ICP备12345678号-3, 京公网安备 11010502030143号, 许可证号.
  { re: /[\u4e00-\u9fa5]{0,2}ICP[备证][\s:：]*[0-9０-９]+号?(?:-[0-9]+)?/g, needs: ['ICP'] },
  { re: /[\u4e00-\u9fa5]{0,2}公网安备\s*[0-9０-９]+号?/g, needs: ['公网安备'] },
  // A label followed by a colon, or by a code of five or more characters (账号8.6万个 is a count).
  { re: /(?:备案号|许可证号?|证书编号|登记号|注册号|统一社会信用代码|信用代码|营业执照|文号|案号|批准文号|编号|代码|股票代码|证券代码|订单号|单号|账号|卡号|身份证号?|工号|学号|序列号|型号)(?:\s*[:：]\s*[A-Za-z0-9０-９\-－（）()〔〕\[\]]*[0-9０-９][A-Za-z0-9０-９\-－]*|\s*[A-Za-z0-9０-９\-－]{5,}(?![.．0-9万亿]))/g, needs: ['号', '证', '码', '照'] },
  // Copyright lines: © 2012-2020, Copyright 2021.
  { re: /(?:©|\(c\)|（c）|Copyright|版权所有)\s*[0-9]{4}(?:\s*[-–—~～]\s*[0-9]{4})?/gi },
  // Version numbers: v2.3, V1.0.2, 1.2.3, 体系1.0, 版本3.1.
  { re: /\b[vV]\s?[0-9]+(?:\.[0-9]+)+\b/g, needs: ['.'] },
  { re: /(?<![0-9.])[0-9]+\.[0-9]+\.[0-9]+(?:\.[0-9]+)*(?![0-9])/g, needs: ['.'] },
  { re: /(?:版本|版本号|体系|协议|框架|工业|Web|web)\s?[0-9]+\.[0-9]+(?![0-9%％万亿千百个项家条件名起次元倍])/g, needs: ['.'] },
  // Stock index names: 沪深300, 中证500, 上证50, 科创50, 标普500, 富时100.
  { re: /(?:沪深|中证|上证|深证|科创|创业板|恒生|国企|标普|纳斯达克|道琼斯|日经|富时|MSCI\s?)[0-9]+/g },
  // Holidays and shopping festivals written with digits: 3·15, 双11, 双十一, 618.
  { re: /(?<![0-9])[0-9]{1,2}[·•][0-9]{1,2}(?![0-9])/g, needs: ['·', '•'] },
  { re: /双(?:[0-9]{1,2}|十一|十二)/g, needs: ['双'] },
  // Ratios: 三次产业结构为6.1:39.3:54.6, 男女比例为1:1.05. Parts of a proportion, not counts nor
  // a time of day: labelled as a ratio, or with a decimal in a part (no clock has one).
  { re: /(?:比例|结构|之比|比分|配比|比值|比重|比率|比)\s*(?:为|是|约为|达到|达|约)?\s*[0-9]+(?:\.[0-9]+)?\s*[:：∶]\s*[0-9]+(?:\.[0-9]+)?(?:\s*[:：∶]\s*[0-9]+(?:\.[0-9]+)?)*/g, needs: [':', '：', '∶'] },
  { re: /(?<![0-9.])(?=(?:[0-9]+(?:\.[0-9]+)?\s*[:：∶]\s*)*[0-9]+\.[0-9])[0-9]+(?:\.[0-9]+)?(?:\s*[:：∶]\s*[0-9]+(?:\.[0-9]+)?)+(?![0-9])/g, needs: [':', '：', '∶'] },
  // Terms whose numeral and 次 are not a number of times: 三次产业, 二次供水, 一次能源, 二次元, 三次方.
  { re: /[一二三两四0-9]次(?=产业|供水|污染|能源|元(?!旦)|方(?![案面式向法])|函数|曲线|创业)/g, needs: ['次'] },
  // Standards: GB/T 15835-2011, ISO 9001:2015.
  { re: /\b(?:GB|GB\/T|ISO|IEC|ITU|JT|YY|HG)\s?[0-9]+(?:[-:.][0-9]+)*/g, needs: ['GB', 'ISO', 'IEC', 'ITU', 'JT', 'YY', 'HG'] },
];

/** Spans of `text` that must not produce claims, sorted and merged. */
export function findExclusions(text: string): Span[] {
  const spans: Span[] = [];
  for (const { re, needs } of PATTERNS) {
    if (needs && !needs.some((n) => text.includes(n))) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** Whether [start, end) overlaps any of the sorted spans (binary search). */
export function overlapsAny(spans: Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (s.end <= start) lo = mid + 1;
    else if (s.start >= end) hi = mid - 1;
    else return true;
  }
  return false;
}
