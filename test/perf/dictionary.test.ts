// nodejieba holds its dictionary once (scripts/share-jieba-dictionary.js, run by npm install):
// the source patch, and the installed addon's footprint. Not a timing test: resident memory of
// a fresh process before and after the segmenter loads.
import * as assert from 'assert';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { ROOT } from '../server/lsp-client';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { patched, MARK } = require(path.join(ROOT, 'scripts', 'share-jieba-dictionary.js')) as {
  patched(source: string): string | null;
  MARK: string;
};

/** load() as nodejieba 3.x writes it (3.5.8), around the two constructions. */
const STOCK = `Napi::Value NodeJieba::load(const Napi::CallbackInfo& info) {
  std::string stopWordsPath = info[4].As<Napi::String>();

  delete _jieba_handle;
  _jieba_handle = new cppjieba::Jieba(dictPath,
                                  modelPath,
                                  userDictPath,
                                  idfPath,
                                  stopWordsPath);

  delete _text_rank_extractor_handle;
  _text_rank_extractor_handle = new cppjieba
\t\t      ::TextRankExtractor(dictPath,
                                  modelPath,
                                  stopWordsPath,
                                  userDictPath);

  return Napi::Boolean::New(info.Env(), true);
}`;

describe('nodejieba holds its dictionary once', function () {
  this.timeout(60000);

  it('builds the TextRank extractor on the segmenter’s dictionary, deleting it before the segmenter', () => {
    const out = patched(STOCK);
    assert.ok(out);
    assert.ok(out.includes('new cppjieba::TextRankExtractor(*_jieba_handle, stopWordsPath)'));
    assert.ok(!out.includes('TextRankExtractor(dictPath'), 'the separate load is gone');
    const order = ['delete _text_rank_extractor_handle', 'delete _jieba_handle', 'new cppjieba::Jieba(', 'TextRankExtractor(*_jieba_handle'].map((s) => out.indexOf(s));
    assert.deepStrictEqual([...order].sort((a, b) => a - b), order, `order in:\n${out}`);
    assert.ok(out.includes('return Napi::Boolean::New(info.Env(), true);'));
    assert.strictEqual(patched(out), out, 'a patched source is left as it is');
    assert.strictEqual(patched(STOCK.replace('TextRankExtractor(dictPath', 'TextRankExtractor(otherPath')), null, 'unknown code is not touched');
    assert.ok(out.includes(MARK));
  });

  it('the installed segmenter loads one dictionary (about 120 MB resident, not 235)', () => {
    const probe = `
      const before = process.memoryUsage().rss;
      const err = require(${JSON.stringify(path.join(ROOT, 'out', 'server', 'src', 'core', 'segmenter.js'))}).segmenterError();
      process.stdout.write(JSON.stringify({ err, mb: (process.memoryUsage().rss - before) / 2 ** 20 }));`;
    const { err, mb } = JSON.parse(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }));
    assert.strictEqual(err, null);
    // One trie of the 350,000-word dictionary is ~115 MB; nodejieba's stock load() built two.
    assert.ok(mb < 175, `the segmenter took ${mb.toFixed(0)} MB: nodejieba was not rebuilt by scripts/share-jieba-dictionary.js (run npm install)`);
  });
});
