// Property tests of the analysis core: whatever text arrives (scraped pages, binary junk,
// half-typed sentences, megabyte lines) analyzeText and checkDocuments never throw, every
// span is a real slice of the text, values are finite, results are deterministic and fast.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, ParagraphCache } from '../../server/src/core/analyze';
import { checkDocuments } from '../../server/src/core/checks';
import { LineIndex } from '../../server/src/core/position';
import type { DocumentAnalysis } from '../../server/src/core/types';
import { anyUtf16, codePoint, codeUnit, fragment, lineSoup, LONG_RUNS, numeralSoup, reportLike } from './generators';
import { assertAnalysisInvariants, assertFindingInvariants, assertPositionsAgree, runs, show } from './invariants';

/** Analyse with a fresh cache so that each run is independent of earlier ones. */
function analyzeFresh(text: string, baseDate?: string): DocumentAnalysis {
  return analyzeText(text, baseDate ? { baseDate } : {}, new ParagraphCache());
}

/** What every consumer reads of an analysis (figures are placed lazily, caches differ). */
function observed(a: DocumentAnalysis) {
  return { text: a.text, claims: a.claims, entities: a.entities, paragraphs: a.paragraphs, baseDate: a.baseDate, baseDateSource: a.baseDateSource };
}

/** Run the checks with rule exceptions surfaced (normally a broken rule is skipped silently). */
function checkStrict(analyses: Array<{ path: string; analysis: DocumentAnalysis }>) {
  const before = process.env.ZH_FIGURES_DEBUG;
  process.env.ZH_FIGURES_DEBUG = '1';
  try {
    return checkDocuments(analyses);
  } finally {
    if (before === undefined) delete process.env.ZH_FIGURES_DEBUG;
    else process.env.ZH_FIGURES_DEBUG = before;
  }
}

/** Everything we promise about one input. */
function assertAllInvariants(text: string, baseDate?: string): DocumentAnalysis {
  const a = analyzeFresh(text, baseDate);
  assertAnalysisInvariants(text, a);
  const findings = checkStrict([{ path: 'doc.txt', analysis: a }]);
  assertFindingInvariants(new Map([['doc.txt', text]]), findings);
  return a;
}

const baseDates = fc.option(fc.constantFrom('2023-03-24', '2000-02-29', '1999-12-31', '2100-01-01'), { nil: undefined });

describe('core properties (fast-check)', function () {
  this.timeout(120000);

  it('never throws and keeps every span inside the text: report-like fragments', () => {
    fc.assert(fc.property(reportLike(120), baseDates, (text, base) => void assertAllInvariants(text, base)), { numRuns: runs(400) });
  });

  it('never throws on arbitrary UTF-16, lone surrogates included', () => {
    fc.assert(fc.property(anyUtf16, (text) => void assertAllInvariants(text)), { numRuns: runs(200) });
  });

  it('never throws on numerals and scale words in any order', () => {
    fc.assert(fc.property(numeralSoup, baseDates, (text, base) => void assertAllInvariants(text, base)), { numRuns: runs(400) });
  });

  it('handles every line-break style and BOMs', () => {
    fc.assert(
      fc.property(lineSoup, (text) => {
        const a = assertAllInvariants(text);
        const offsets = [0, text.length, ...a.claims.flatMap((c) => [c.start, c.end]), ...a.entities.flatMap((e) => [e.start, e.end])];
        for (let i = 0; i <= text.length; i += Math.max(1, Math.floor(text.length / 20))) offsets.push(i);
        assertPositionsAgree(text, offsets);
      }),
      { numRuns: runs(200) }
    );
  });

  it('LineIndex agrees with the LSP reference at every offset and for out-of-range positions', () => {
    fc.assert(
      fc.property(lineSoup, fc.array(fc.record({ line: fc.integer({ min: -2, max: 40 }), character: fc.integer({ min: -2, max: 200 }) }), { maxLength: 10 }), (text, positions) => {
        const offsets: number[] = [-5, text.length + 5];
        for (let i = 0; i <= text.length; i++) offsets.push(i);
        assertPositionsAgree(text, offsets);
        const idx = new LineIndex(text);
        const ref = TextDocument.create('file:///x', 'plaintext', 1, text);
        for (const p of positions) {
          // The LSP reference clamps negative values to 0 and past-the-end characters to the line end.
          const want = ref.offsetAt({ line: Math.max(0, p.line), character: Math.max(0, p.character) });
          assert.strictEqual(idx.offsetAt(p), p.line < 0 ? 0 : want, `offsetAt(${JSON.stringify(p)}) in ${show(text)}`);
        }
      }),
      { numRuns: runs(150) }
    );
  });

  it('gives the same output for the same input, with or without the paragraph cache', () => {
    fc.assert(
      fc.property(reportLike(60), reportLike(60), (a, b) => {
        const text = `${a}\n${b}\r\n${a}`;
        const fresh = analyzeFresh(text);
        const again = analyzeFresh(text);
        assert.deepStrictEqual(again, fresh, `two fresh analyses differ for ${show(text)}`);
        const cache = new ParagraphCache();
        analyzeText(`${b}\n${a}`, {}, cache);
        const cached = analyzeText(text, {}, cache);
        assert.deepStrictEqual(cached, fresh, `cached analysis differs from a fresh one for ${show(text)}`);
        const f1 = checkStrict([{ path: 'd', analysis: fresh }]);
        const f2 = checkStrict([{ path: 'd', analysis: cached }]);
        assert.deepStrictEqual(f2, f1, 'checks differ on equal analyses');
        // Cached claims are shared between versions: nothing downstream may have mutated them.
        assert.deepStrictEqual(observed(analyzeText(text, {}, cache)), observed(analyzeFresh(text)), `cache corrupted after the checks ran on ${show(text)}`);
      }),
      { numRuns: runs(150) }
    );
  });

  it('does not let one paragraph change the spans of another', () => {
    fc.assert(
      fc.property(reportLike(40), reportLike(40), (a, b) => {
        const alone = analyzeFresh(b);
        const joined = analyzeFresh(`${a.replace(/[\r\n\u2028\u2029\u0085]/g, '')}\n${b}`);
        const shift = joined.text.length - b.length;
        // Paragraphs are analysed in isolation; only the base date can travel between them.
        if (alone.baseDate !== joined.baseDate) return;
        const moved = joined.claims.filter((c) => c.start >= shift).map((c) => `${c.start - shift}-${c.end - shift}:${c.text}`);
        assert.deepStrictEqual(moved, alone.claims.map((c) => `${c.start}-${c.end}:${c.text}`));
      }),
      { numRuns: runs(100) }
    );
  });

  it('checks several documents together without throwing', () => {
    fc.assert(
      fc.property(fc.array(reportLike(60), { minLength: 1, maxLength: 4 }), (texts) => {
        const inputs = texts.map((t, i) => ({ path: `d${i}.txt`, analysis: analyzeFresh(t) }));
        const findings = checkStrict(inputs);
        assertFindingInvariants(new Map(texts.map((t, i) => [`d${i}.txt`, t])), findings);
      }),
      { numRuns: runs(150) }
    );
  });

  it('survives real report lines mutated at random (splices, duplications, cuts)', () => {
    const dir = path.join(__dirname, '..', '..', '..', 'seeds');
    const lines = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/)).filter((l) => /\d|[一二三四五六七八九十百千万亿]/.test(l));
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.oneof(fragment, codeUnit, fc.constant('')));
    const mutated = fc.tuple(fc.constantFrom(...lines), fc.array(edit, { maxLength: 8 })).map(([line, edits]) => {
      let t = line;
      for (const [at, del, ins] of edits) {
        const i = at % (t.length + 1);
        t = t.slice(0, i) + ins + t.slice(i + del);
      }
      return t;
    });
    fc.assert(fc.property(fc.array(mutated, { minLength: 1, maxLength: 6 }), baseDates, (ls, base) => void assertAllInvariants(ls.join('\n'), base)), { numRuns: runs(300) });
  });

  it('survives the code-point soup (astral characters, emoji sequences, combining marks)', () => {
    const soup = fc.array(fc.oneof(fragment, codePoint, fc.constantFrom('\u0301', '\u20dd', '\ufe0f', '\u200d')), { maxLength: 100 }).map((p) => p.join(''));
    fc.assert(fc.property(soup, (text) => void assertAllInvariants(text)), { numRuns: runs(200) });
  });
});

describe('core limits: long runs and big inputs', function () {
  this.timeout(120000);

  /** Generous per-input budget: linear work is far below it, quadratic work is far above. */
  function budgetMs(length: number): number {
    return 500 + length / 400;
  }

  for (const [name, text] of LONG_RUNS) {
    it(`stays fast and sound on ${name} (${text.length} chars)`, () => {
      const t0 = Date.now();
      assertAllInvariants(text);
      const ms = Date.now() - t0;
      assert.ok(ms < budgetMs(text.length), `${name}: ${ms} ms for ${text.length} chars`);
    });
  }

  it('analyses a 1 MB single line of report prose in under 3 s', () => {
    const unit = '截至2022年底，平台累计处理侵权投诉超64万件，同比下降12.5%，涉案金额约38.87亿元；';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
    const t0 = Date.now();
    const a = analyzeFresh(text);
    const ms = Date.now() - t0;
    assertAnalysisInvariants(text, a);
    assert.ok(a.claims.length > 1000, 'the figures of a long line are found');
    assert.ok(ms < 3000, `1 MB line took ${ms} ms`);
  });

  it('analyses a 1 MB line of random fragments in under 3 s', () => {
    const parts = fc.sample(reportLike(40), { numRuns: 4000, seed: 42 }).map((s) => s.replace(/[\r\n\u2028\u2029\u0085]/g, ''));
    let text = parts.join('');
    while (text.length < 1_000_000) text += text;
    text = text.slice(0, 1_000_000);
    if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
    const t0 = Date.now();
    const a = analyzeFresh(text);
    const ms = Date.now() - t0;
    assertAnalysisInvariants(text, a);
    assert.ok(ms < 3000, `1 MB random line took ${ms} ms`);
  });

  it('checks a document with thousands of figures in a time budget', () => {
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) lines.push(`第${i}项：营业收入${(i % 97) + 1}.${i % 10}亿元，同比增长${i % 50}%，占比${i % 30}%。`);
    const text = lines.join('\n');
    const t0 = Date.now();
    const a = analyzeFresh(text);
    const findings = checkStrict([{ path: 'big', analysis: a }]);
    const ms = Date.now() - t0;
    assertFindingInvariants(new Map([['big', text]]), findings);
    assert.ok(ms < 5000, `analysis + checks of ${a.claims.length} figures took ${ms} ms`);
  });

  it('checks one metric restated thousands of times in bounded time and size', () => {
    // A table pasted as prose: the same subject with 5000 different values. Comparing every
    // pair is 12.5 million comparisons and each finding would list thousands of others.
    const text = Array.from({ length: 5000 }, (_, i) => `营业收入${(i % 97) + 1}.${i % 10}亿元。`).join('\n');
    const t0 = Date.now();
    const a = analyzeFresh(text);
    const findings = checkStrict([{ path: 'table', analysis: a }]);
    const ms = Date.now() - t0;
    assert.ok(ms < 10000, `analysis + checks took ${ms} ms`);
    assertFindingInvariants(new Map([['table', text]]), findings);
    for (const f of findings) {
      assert.ok(f.related.length <= 20, `${f.code}: ${f.related.length} related locations`);
      assert.ok(f.message.en.length < 500 && f.message.zh.length < 500, `${f.code}: message of ${f.message.en.length} chars`);
    }
  });

  it('keeps the paragraph cache bounded in characters, not only in entries', () => {
    // Each edit of a 1 MB single-line page is a new 1 MB key: a count bound alone would keep
    // thousands of them. The character bound keeps memory flat.
    const cache = new ParagraphCache(20000, 1_000_000);
    const line = '营业收入103.7亿元。'.repeat(100_000 / 12);
    for (let i = 0; i < 20; i++) analyzeText(`${i}${line}`, {}, cache);
    assert.ok(cache.size <= 1_000_000 / line.length + 1, `${cache.size} paragraphs of ${line.length} chars kept`);
    assert.ok(cache.size >= 1);
    // And it still serves hits for what it kept.
    const misses = cache.misses;
    analyzeText(`19${line}`, {}, cache);
    assert.strictEqual(cache.misses, misses);
  });

  it('handles 1 MB of NUL and control characters and 100k line breaks', () => {
    for (const text of ['\u0000'.repeat(1_000_000), '\r\n'.repeat(100_000), '\n\r'.repeat(100_000) + '5万', '\u0007\u001b'.repeat(200_000)]) {
      const t0 = Date.now();
      assertAllInvariants(text);
      assert.ok(Date.now() - t0 < 3000, `${show(text)} too slow`);
    }
  });
});
