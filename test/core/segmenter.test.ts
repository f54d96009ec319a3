// The segmenter wrapper: nodejieba loaded once, report terms taught, user words added.
import * as assert from 'assert';
import { tag, cut, joinWords, addUserWords, segmenterError, resetSegmenterMemo } from '../../server/src/core/segmenter';

describe('segmenter', () => {
  it('loads nodejieba', () => {
    assert.strictEqual(segmenterError(), null);
  });

  it('tags words with parts of speech', () => {
    const tokens = tag('抓捕犯罪嫌疑人');
    assert.deepStrictEqual(tokens.map((t) => t.word).join(''), '抓捕犯罪嫌疑人');
    assert.ok(tokens.some((t) => t.tag.startsWith('v')));
    assert.deepStrictEqual(tag(''), []);
  });

  it('keeps report terms whole', () => {
    assert.ok(cut('全国居民人均可支配收入').includes('人均可支配收入'));
  });

  it('learns names from the user dictionary', () => {
    addUserWords([{ word: '嗨体医美', type: 'product' }]);
    assert.ok(cut('联合嗨体医美合作').includes('嗨体医美'));
  });

  it('answers a window tagged before as the addon would tag it afresh', () => {
    const windows = ['涉案金额达', '平台累计保护全球各类知识产权权利', '同比增长', '抓捕犯罪嫌疑人'];
    const first = windows.map((w) => tag(w).map((t) => `${t.word}/${t.tag}`).join(' '));
    const again = windows.map((w) => tag(w).map((t) => `${t.word}/${t.tag}`).join(' '));
    resetSegmenterMemo();
    const fresh = windows.map((w) => tag(w).map((t) => `${t.word}/${t.tag}`).join(' '));
    assert.deepStrictEqual(again, first);
    assert.deepStrictEqual(fresh, first);
  });

  it('forgets remembered windows when a user word changes how they are cut', () => {
    const before = tag('联合蓝鲸跃迁合作').map((t) => t.word);
    assert.ok(!before.includes('蓝鲸跃迁'));
    addUserWords([{ word: '蓝鲸跃迁', type: 'org' }]);
    assert.ok(tag('联合蓝鲸跃迁合作').map((t) => t.word).includes('蓝鲸跃迁'));
  });

  it('answers a window cut before as the addon would cut it afresh, until a user word changes it', () => {
    const windows = ['链接近', '将近', '总量超过', '累计接近'];
    const first = windows.map((w) => cut(w).join(' '));
    const again = windows.map((w) => cut(w).join(' '));
    resetSegmenterMemo();
    assert.deepStrictEqual(again, first);
    assert.deepStrictEqual(windows.map((w) => cut(w).join(' ')), first);
    assert.ok(!cut('联合青鸟星河合作').includes('青鸟星河'));
    addUserWords([{ word: '青鸟星河', type: 'org' }]);
    assert.ok(cut('联合青鸟星河合作').includes('青鸟星河'));
  });

  it('joins the words of tokens from a given one on', () => {
    const tokens = [{ word: '涉案', tag: 'n' }, { word: '金额', tag: 'n' }, { word: '达', tag: 'v' }];
    assert.strictEqual(joinWords(tokens), '涉案金额达');
    assert.strictEqual(joinWords(tokens, 1), '金额达');
    assert.strictEqual(joinWords(tokens, 3), '');
    assert.strictEqual(joinWords([]), '');
  });
});
