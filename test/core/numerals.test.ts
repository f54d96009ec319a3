import * as assert from 'assert';
import {
  readArabic, readChinese, parseNumeral, isChineseNumeralCode, isChineseDigitCode, isChineseNumeralChar, chineseDigitOf, scaleValueOf, SCALE_CHARS,
} from '../../server/src/core/numerals';

describe('numerals', () => {
  const chinese: Array<[string, number, number | null, number]> = [
    // text, value, upper, step
    ['一百零八', 108, null, 1],
    ['两万五', 25000, null, 1000],
    ['三千万', 3e7, null, 1e7],
    ['一亿二千万', 1.2e8, null, 1e7],
    ['一万亿', 1e12, null, 1e12],
    ['十四', 14, null, 1],
    ['十', 10, null, 10],
    ['二十', 20, null, 10],
    ['廿三', 23, null, 1],
    ['卅', 30, null, 10],
    ['壹仟贰佰', 1200, null, 100],
    ['三千二', 3200, null, 100],
    ['一万零五', 10005, null, 1],
    ['三四千', 3000, 4000, 1000],
    ['十七八', 17, 18, 1],
    ['三四千万', 3e7, 4e7, 1e7],
    ['两', 2, null, 1],
    ['百', 100, null, 100],
  ];
  for (const [text, value, upper, step] of chinese) {
    it(`reads ${text}`, () => {
      const r = readChinese(text, 0);
      assert.ok(r, text);
      assert.strictEqual(r.end, text.length);
      assert.strictEqual(r.value, value);
      assert.strictEqual(r.upper, upper);
      assert.strictEqual(r.step, step);
      assert.strictEqual(r.style, 'chinese');
    });
  }

  it('reads decimals written in Chinese with a scale', () => {
    const r = readChinese('三点五亿元', 0)!;
    assert.strictEqual(r.value, 3.5e8);
    assert.strictEqual(r.step, 1e7);
    assert.strictEqual(r.end, 4);
  });

  it('stops at a digit that does not continue the numeral (五一)', () => {
    assert.strictEqual(readChinese('五一', 0)!.end, 1);
  });

  const arabic: Array<[string, number, number, string, string]> = [
    ['1,260,582', 1260582, 1, '', 'arabic'],
    ['６４万', 640000, 1e4, '万', 'arabic'],
    ['38.87亿', 3887000000, 1e6, '亿', 'arabic'],
    ['1.2万亿', 1.2e12, 1e11, '万亿', 'arabic'],
    ['3千万', 3e7, 1e7, '千万', 'mixed'],
    ['-3.2', -3.2, 0.1, '', 'arabic'],
    ['１２．５', 12.5, 0.1, '', 'arabic'],
    ['12,345.6万', 123456000, 1000, '万', 'arabic'],
  ];
  for (const [text, value, step, scale, style] of arabic) {
    it(`reads ${text}`, () => {
      const r = readArabic(text, 0)!;
      assert.strictEqual(r.value, value);
      assert.strictEqual(r.step, step);
      assert.strictEqual(r.scale, scale);
      assert.strictEqual(r.style, style);
    });
  }

  it('takes a comma as a thousands separator only before exactly three digits', () => {
    assert.strictEqual(readArabic('1,2345', 0)!.value, 1);
    assert.strictEqual(readArabic('1234,567', 0)!.value, 1234);
    assert.strictEqual(readArabic('12,345,6', 0)!.value, 12345);
  });

  it('has no floating noise in scaled values', () => {
    assert.strictEqual(readArabic('38.87亿', 0)!.value, 3887000000);
    assert.strictEqual(readArabic('0.1万', 0)!.value, 1000);
  });

  it('parses whole strings', () => {
    assert.strictEqual(parseNumeral('两万五'), 25000);
    assert.strictEqual(parseNumeral('38.87亿'), 3887000000);
    assert.ok(Number.isNaN(parseNumeral('38.87亿元')));
  });

  it('knows the numeral characters by code, and nothing else (a code past a text end included)', () => {
    const digits = '零〇一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖';
    const values = [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 2, 3, 3, 4, 5, 6, 6, 7, 8, 9];
    const numerals = digits + '十拾百佰千仟万萬亿億廿卅';
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      assert.strictEqual(isChineseNumeralCode(c), numerals.includes(ch), ch);
      assert.strictEqual(isChineseNumeralChar(ch), numerals.includes(ch), ch);
      assert.strictEqual(isChineseDigitCode(c), digits.includes(ch), ch);
      assert.strictEqual(chineseDigitOf(c), digits.includes(ch) ? values[digits.indexOf(ch)] : -1, ch);
      assert.strictEqual(scaleValueOf(c), SCALE_CHARS[ch] ?? 0, ch);
    }
    const pastEnd = ''.charCodeAt(0);
    assert.deepStrictEqual([isChineseNumeralCode(pastEnd), isChineseDigitCode(pastEnd), chineseDigitOf(pastEnd), scaleValueOf(pastEnd)], [false, false, -1, 0]);
    assert.strictEqual(isChineseNumeralChar(''), false);
  });

  it('reads full-width digits and thousands separators as their ASCII digits', () => {
    assert.strictEqual(readArabic('１２３４.５万', 0)?.value, 12345000);
    assert.strictEqual(readArabic('1,234,567.25', 0)?.value, 1234567.25);
    assert.strictEqual(readArabic('1,234,567.25', 0)?.numeral, '1,234,567.25');
    assert.strictEqual(readChinese('三点一四亿', 0)?.value, 314000000);
  });
});
