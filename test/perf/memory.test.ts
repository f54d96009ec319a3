// Editing a long report must not keep its old versions alive. Every version of a 1 MB text is
// 2 MB of heap; anything remembered across edits (a cache key, a word a rule kept) that is a
// slice of a version's text pins that whole version. Not a timing test: heap after a forced
// collection, compared with the size of the versions that would leak.
import * as assert from 'assert';
import * as v8 from 'v8';
import * as vm from 'vm';
import * as fs from 'fs';
import * as path from 'path';
import { createAnalyzer } from '../../server/src/lsp/analyzer';
import { AnalyzedDocument } from '../../server/src/lsp/analyzed';
import { runChecks } from '../../server/src/lsp/checks-runner';
import { ROOT } from '../server/lsp-client';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterCollection(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('memory across edits', function () {
  this.timeout(120000);

  it('keeps no old version of an edited document: analysis, checks and their caches', () => {
    const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt'));
    const seed = seeds.map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8')).join('\n');
    // Distinct paragraphs (numbers changed), about 400,000 characters: 800 KB per version.
    let n = 0;
    const paragraphs: string[] = [];
    while (paragraphs.join('\n').length < 400_000) paragraphs.push(...seed.split('\n').filter((p) => p.trim()).map((p) => p.replace(/\d/g, () => String(n++ % 10))));
    let text = paragraphs.join('\n');
    const uri = 'file:///memory/report.txt';
    const analyzer = createAnalyzer({ preloadSegmenter: false });
    const step = (version: number) => {
      const doc = new AnalyzedDocument(uri, version, text, analyzer.analyze(uri, text, {}), null);
      runChecks([{ uri, name: 'report', open: true, doc }], () => ({}));
    };
    step(1);
    const before = heapAfterCollection();
    const edits = 40;
    for (let v = 2; v < 2 + edits; v++) {
      const at = Math.floor((text.length * ((v * 37) % 100)) / 100);
      text = text.slice(0, at) + '的' + text.slice(at);
      step(v);
    }
    const grown = heapAfterCollection() - before;
    const versions = edits * text.length * 2;
    assert.ok(grown < versions / 8, `heap grew by ${(grown / 1e6).toFixed(1)} MB over ${edits} edits (old versions would be ${(versions / 1e6).toFixed(0)} MB)`);
  });
});
