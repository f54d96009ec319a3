// The segmenter wrapper: nodejieba loaded once, report terms taught, user words added.
import * as assert from 'assert';
import { tag, cut, addUserWords, segmenterError } from '../../server/src/core/segmenter';

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
});
