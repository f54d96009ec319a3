import * as assert from 'assert';
import { analyzeText, splitParagraphs, ParagraphCache } from '../../server/src/core/analyze';
import { parseUserDictionary } from '../../server/src/core/user-dictionary';

describe('analyzeText', () => {
  it('splits paragraphs at any line break', () => {
    assert.deepStrictEqual(splitParagraphs('a\r\nbc\rd\n\ne'), [
      { start: 0, end: 1 }, { start: 3, end: 5 }, { start: 6, end: 7 }, { start: 9, end: 10 },
    ]);
  });

  it('splits a page pasted as one line at its 　　 paragraph indents', () => {
    const text = '　　第一段，超64万项。　　第二段，近50万条。';
    assert.deepStrictEqual(splitParagraphs(text).map((p) => text.slice(p.start, p.end)), ['第一段，超64万项。', '第二段，近50万条。']);
  });

  it('gives offsets into the whole text, with CRLF and a BOM', () => {
    const text = '\uFEFF前言。\r\n累计保护超64万项。';
    const [c] = analyzeText(text).claims;
    assert.strictEqual(text.slice(c.start, c.end), '超64万项');
  });

  it('re-analyses only the paragraphs an edit touched', () => {
    const cache = new ParagraphCache();
    const para = (i: number) => `第${i}段：删除链接超${i}万条。`;
    const text = Array.from({ length: 20 }, (_, i) => para(i + 1)).join('\n');
    analyzeText(text, { baseDate: '2023-01-01' }, cache);
    const missesBefore = cache.misses;
    const edited = text.replace('超5万条', '超6万条');
    const result = analyzeText(edited, { baseDate: '2023-01-01' }, cache);
    assert.strictEqual(cache.misses - missesBefore, 1);
    assert.ok(result.claims.some((c) => c.text === '超6万条' && c.value === 60000));
  });

  it('gives the same result from the cache as from a fresh analysis', () => {
    const text = '涉案金额达38.87亿。\n抓捕犯罪嫌疑人1968名。\n截止去年底，超64万项。';
    const a = analyzeText(text, {}, new ParagraphCache());
    const cache = new ParagraphCache();
    analyzeText(text, {}, cache);
    const b = analyzeText(text, {}, cache);
    assert.deepStrictEqual(b.claims, a.claims);
    assert.deepStrictEqual(b.entities, a.entities);
  });

  it('keeps the cache bounded', () => {
    const cache = new ParagraphCache(10);
    for (let i = 0; i < 50; i++) analyzeText(`段落${i}：${i}家。`, {}, cache);
    assert.ok(cache.size <= 10);
  });

  it('records the base date and where it came from', () => {
    assert.strictEqual(analyzeText('x', { baseDate: '2020-01-02' }).baseDateSource, 'option');
    assert.strictEqual(analyzeText('发布时间:2023-03-23\n内容').baseDateSource, 'text');
  });

  it('makes a bare amount money only when its subject says so', () => {
    const [money] = analyzeText('涉案金额达38.87亿。').claims;
    assert.strictEqual(money.kind, 'money');
    const [users] = analyzeText('用户规模达8.4亿。').claims;
    assert.strictEqual(users.kind, 'count');
  });

  it('reads the user dictionary format and reports bad lines', () => {
    const { words, errors } = parseUserDictionary('# names\n嗨体 product\n热玛吉\n徐骏 person\n坏 thing\n', 'dict.txt');
    assert.deepStrictEqual(words, [
      { word: '嗨体', type: 'product' }, { word: '热玛吉', type: 'org' }, { word: '徐骏', type: 'person' },
    ]);
    assert.deepStrictEqual(errors, ['dict.txt:5: unknown type "thing" (use org, person, place, work or product)']);
    assert.deepStrictEqual(parseUserDictionary('[{"word":"AACA","type":"org"}]').words, [{ word: 'AACA', type: 'org' }]);
  });

  it('uses user dictionary names as entities', () => {
    const a = analyzeText('赛诺菲和嗨体合作', { userWords: [{ word: '嗨体', type: 'product' }] });
    assert.ok(a.entities.some((e) => e.text === '嗨体' && e.type === 'product'));
  });
});
