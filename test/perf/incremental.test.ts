// Incremental analysis is an optimisation, never a different answer: after random sequences of
// edits, what the paragraph caches and the server's document state hold must equal a full
// re-analysis of the final text from scratch. Not a timing test.
import { prng } from '../support/prng';
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, type Diagnostic } from 'vscode-languageserver-protocol';
import { analyzeText, ParagraphCache, splitParagraphs } from '../../server/src/core/analyze';
import { checkDocuments } from '../../server/src/core/checks';
import type { AnalysisOptions, DocumentAnalysis } from '../../server/src/core/types';
import type { Finding } from '../../server/src/core/checks/types';
import { AnalyzedDocument } from '../../server/src/lsp/analyzed';
import { createAnalyzer } from '../../server/src/lsp/analyzer';
import { paragraphCheckStats, runChecks } from '../../server/src/lsp/checks-runner';
import { RULES, selectionFor } from '../../server/src/core/checks';
import { documentFacts, statementsOf, type DocumentFacts } from '../../server/src/core/checks/facts';
import { metricGroups, type PairMemo } from '../../server/src/core/checks/statements';
import { ROOT, TestClient } from '../server/lsp-client';


/** Report prose: seed sentences plus figures of every kind, so edits hit claims and entities. */
const SENTENCES: string[] = (() => {
  const out = [
    '截至2022年底，平台累计保护知识产权超64万项，同比增长12.5%。',
    '涉案金额达38.87亿元，抓捕犯罪嫌疑人1968名。',
    '阿里巴巴集团联合浙江省公安厅破获案件2685起，较上年下降3.2个百分点。',
    '全年营收约两万五千元，其中线上渠道占60%，线下渠道占40%。',
    '去年底，抖音电商拦截超9.2万次违规申请，处置侵权商品近50万条。',
    '负责人徐骏表示，品牌权利人入驻量超58万，是三年前的2倍。',
    '发布时间：2023-03-23 19:06:55',
    // One metric stated in several reports, at odds and at another scale (cross-file findings).
    '2022年，阿里巴巴集团营收达8000亿元。',
    '2022年，阿里巴巴集团营收达9000亿元。',
    '2022年，阿里巴巴集团营收达8000万元。',
  ];
  for (const f of fs.readdirSync(path.join(ROOT, 'seeds')).filter((n) => n.endsWith('.txt')).sort()) {
    const text = fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8');
    for (const s of text.match(/[^。！？\n]+[。！？]?/g) ?? []) if (s.trim().length > 8) out.push(s.trim());
  }
  return out;
})();

const PIECES = ['1', '5', '0', '.', '万', '亿', '元', '%', '超', '约', '近', '，', '。', '的', '公司', '\n', '\n\n', '　　', '2021年', '去年', '三成', '两'];

function randomText(rnd: () => number, paragraphs: number): string {
  const lines: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const n = 1 + Math.floor(rnd() * 3);
    let p = '';
    for (let k = 0; k < n; k++) p += SENTENCES[Math.floor(rnd() * SENTENCES.length)];
    lines.push(p);
  }
  return lines.join(rnd() < 0.3 ? '\r\n' : '\n');
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A random edit: typing, deleting, replacing a span, pasting a sentence, splitting or joining lines. */
function randomEdit(rnd: () => number, text: string): Edit {
  const at = Math.floor(rnd() * (text.length + 1));
  const r = rnd();
  if (r < 0.35) return { start: at, end: at, text: PIECES[Math.floor(rnd() * PIECES.length)] };
  if (r < 0.55) return { start: at, end: Math.min(text.length, at + 1 + Math.floor(rnd() * 6)), text: '' };
  if (r < 0.7) return { start: at, end: Math.min(text.length, at + Math.floor(rnd() * 12)), text: PIECES[Math.floor(rnd() * PIECES.length)] };
  if (r < 0.85) return { start: at, end: at, text: SENTENCES[Math.floor(rnd() * SENTENCES.length)] };
  // Join two lines or split one (paragraph boundaries move).
  const nl = text.indexOf('\n', at);
  if (nl >= 0 && rnd() < 0.5) return { start: nl, end: nl + 1, text: '' };
  return { start: at, end: at, text: '\n' };
}

/**
 * An LSP position cannot point between the \r and \n of a CRLF (it is the end of the line
 * either way), so an editor never sends such an edit: move the ends out of the pair.
 */
function snapToLineBreaks(text: string, e: Edit): Edit {
  const snap = (i: number) => (i > 0 && text[i - 1] === '\r' && text[i] === '\n' ? i + 1 : i);
  const start = snap(e.start);
  return { start, end: Math.max(start, snap(e.end)), text: e.text };
}

function apply(text: string, e: Edit): string {
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}

/** Two random paragraphs of `text` swapped (the same text when both picks are one paragraph). */
function swapTwo(rnd: () => number, text: string): string {
  const paras = splitParagraphs(text);
  const i = Math.floor(rnd() * paras.length);
  const j = Math.floor(rnd() * paras.length);
  const [a, b] = i < j ? [paras[i], paras[j]] : [paras[j], paras[i]];
  if (a === b) return text;
  return text.slice(0, a.start) + text.slice(b.start, b.end) + text.slice(a.end, b.start) + text.slice(a.start, a.end) + text.slice(b.end);
}

/** `line` inserted as a paragraph of its own before a random paragraph. */
function insertLine(rnd: () => number, text: string, line: string): string {
  const paras = splitParagraphs(text);
  const at = paras.length ? paras[Math.floor(rnd() * paras.length)].start : 0;
  return text.slice(0, at) + line + '\n' + text.slice(at);
}

/** Everything the features read from an analysis, in a form deepStrictEqual compares. */
function comparable(a: DocumentAnalysis) {
  return { text: a.text, claims: a.claims, entities: a.entities, paragraphs: a.paragraphs, baseDate: a.baseDate, baseDateSource: a.baseDateSource };
}

function full(text: string, options: AnalysisOptions = {}): DocumentAnalysis {
  return analyzeText(text, options, new ParagraphCache());
}

/**
 * The CLI's check of one document, run under another path: what the core remembers per
 * document (the first figures of a kind, …) must come from the edited versions alone, as in
 * the server, not from this reference run.
 */
function fullCheck(uri: string, analysis: DocumentAnalysis, config?: Parameters<typeof checkDocuments>[1]): Finding[] {
  const other = `${uri}#reference`;
  const back = (p: string) => (p === other ? uri : p);
  return checkDocuments([{ path: other, analysis }], config).map((f) => ({
    ...f,
    path: back(f.path),
    related: f.related.map((r) => ({ ...r, path: back(r.path) })),
  }));
}

/** Paragraph texts of the new version that the previous version did not have. */
function newParagraphs(before: string, after: string): number {
  const old = new Set(splitParagraphs(before).map((p) => before.slice(p.start, p.end)));
  return splitParagraphs(after).filter((p) => !old.has(after.slice(p.start, p.end))).length;
}

describe('incremental analysis equals a full re-analysis', function () {
  this.timeout(120000);

  it('the core paragraph cache, shared across random edit sequences', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const rnd = prng(seed);
      const cache = new ParagraphCache(50); // small: eviction must not change answers either
      let text = randomText(rnd, 12);
      for (let step = 0; step < 40; step++) {
        text = apply(text, randomEdit(rnd, text));
        assert.deepStrictEqual(comparable(analyzeText(text, {}, cache)), comparable(full(text)), `seed ${seed}, step ${step}`);
      }
      assert.ok(cache.hits > 0, 'the cache answered for unchanged paragraphs');
    }
  });

  it('the server analyzer re-analyses only the paragraphs an edit touched', () => {
    for (let seed = 11; seed <= 16; seed++) {
      const rnd = prng(seed);
      const analyzer = createAnalyzer({ preloadSegmenter: false });
      const options: AnalysisOptions = seed % 2 ? { baseDate: '2023-03-23' } : {};
      let text = randomText(rnd, 15);
      void analyzer.analyze('doc', text, options).claimCount;
      for (let step = 0; step < 40; step++) {
        const before = text;
        text = apply(text, randomEdit(rnd, text));
        const got = analyzer.analyze('doc', text, options);
        const want = full(text, options);
        // Counted as the status bar counts after every keystroke: carried from the version before.
        assert.deepStrictEqual([got.claimCount, got.entityCount], [want.claims.length, want.entities.length], `seed ${seed}, step ${step}: counts`);
        assert.deepStrictEqual(comparable(got), comparable(want), `seed ${seed}, step ${step}`);
        // The base date may move with the edit (a publication line): then every key changes.
        if (full(before, options).baseDate === want.baseDate) {
          assert.ok(analyzer.last.analysed <= newParagraphs(before, text), `seed ${seed}, step ${step}: analysed ${analyzer.last.analysed} paragraphs, ${newParagraphs(before, text)} changed`);
        }
      }
    }
  });

  it('document facts taken over from the version before equal fresh ones: windows, collections, periods, statements', () => {
    const selection = selectionFor(() => true, true);
    for (let seed = 31; seed <= 36; seed++) {
      const rnd = prng(seed);
      const analyzer = createAnalyzer({ preloadSegmenter: false });
      let text = randomText(rnd, 20);
      let facts: DocumentFacts = documentFacts('doc', analyzer.analyze('doc', text, {}), selection);
      const statements = statementsOf(facts);
      const focusedStatements = statementsOf(facts);
      const memo: PairMemo = new Map();
      const focusedMemo: PairMemo = new Map();
      for (let step = 0; step < 40; step++) {
        text = apply(text, snapToLineBreaks(text, randomEdit(rnd, text)));
        facts = documentFacts('doc', analyzer.analyze('doc', text, {}), selection, facts);
        statementsOf(facts, statements);
        const fresh = documentFacts('doc', full(text), selection);
        const at = `seed ${seed}, step ${step}`;
        assert.deepStrictEqual([facts.from.toArray(), facts.to.toArray()], [fresh.from.toArray(), fresh.to.toArray()], `${at}: windows`);
        assert.deepStrictEqual(facts.envs.toArray(), fresh.envs.toArray(), `${at}: period environments`);
        assert.deepStrictEqual(facts.years.toArray(), fresh.years.toArray(), `${at}: years`);
        assert.strictEqual(facts.firstYear, fresh.firstYear, `${at}: the paragraph of the document's year`);
        assert.deepStrictEqual(facts.collected.map((c) => c.toArray()), fresh.collected.map((c) => c.toArray()), `${at}: what the split rules collected`);
        assert.deepStrictEqual(facts.statements.toArray(), fresh.statements.toArray(), `${at}: statements`);
        // A statement holds its paragraph's own claim, not the window's copy of it.
        const own = new Set(facts.analysis.paragraphResults!.flatMap((r) => r.claims));
        for (const list of facts.statements.toArray()) for (const st of list) assert.ok(own.has(st.claim), `${at}: ${st.claim.text} is the paragraph's claim`);
        // The groups one document keeps from run to run equal groups made afresh.
        const shape = (groups: ReturnType<typeof metricGroups>) =>
          groups.map((g) => [g.key, g.list.map((m) => m.start), g.kept('conflicting-values', () => true)]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
        statementsOf(facts, focusedStatements);
        for (const focus of [undefined, new Set(['doc'])]) {
          // One document kept per way of asking: each keeps its groups across the edits.
          const kept = metricGroups([focus ? focusedStatements : statements], focus, focus ? focusedMemo : memo);
          assert.deepStrictEqual(shape(kept), shape(metricGroups([statementsOf(fresh)], focus)), `${at}: metric groups kept across runs${focus ? ', with a focus' : ''}`);
        }
        const keys = (doc: ReturnType<typeof statementsOf>) => [...doc.groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, list]) => [k, list.map((m) => [m.start, m.end, m.period])]);
        assert.deepStrictEqual(keys(statements), keys(statementsOf(fresh)), `${at}: metric groups`);
      }
    }
  });

  it('metric groups of one report against others, kept across its edits, equal groups made afresh', () => {
    const selection = selectionFor(() => true, true);
    // Background reports share sentences (and so metrics and organisations) with the edited one.
    for (let seed = 41; seed <= 46; seed++) {
      const rnd = prng(seed);
      const analyzer = createAnalyzer({ preloadSegmenter: false });
      const others = [1, 2, 3].map((k) => statementsOf(documentFacts(`other-${k}`, full(randomText(rnd, 12)), selection)));
      let text = randomText(rnd, 12);
      let facts = documentFacts('doc', analyzer.analyze('doc', text, {}), selection);
      const edited = statementsOf(facts);
      const memo: PairMemo = new Map();
      const focus = new Set(['doc']);
      for (let step = 0; step < 40; step++) {
        text = apply(text, snapToLineBreaks(text, randomEdit(rnd, text)));
        facts = documentFacts('doc', analyzer.analyze('doc', text, {}), selection, facts);
        statementsOf(facts, edited);
        const fresh = statementsOf(documentFacts('doc', full(text), selection));
        const shape = (groups: ReturnType<typeof metricGroups>) =>
          groups
            .map((g) => [g.key, g.list.map((m) => `${m.doc.path}:${m.start}`), g.kept('conflicting-values', () => true), g.kept('scale-slip', (a, b) => a.claim.value !== b.claim.value)])
            .sort((a, b) => (a[0] < b[0] ? -1 : 1));
        const at = `seed ${seed}, step ${step}`;
        // The same documents asked about, as the server does for the reports that state its metrics.
        assert.deepStrictEqual(shape(metricGroups([edited, ...others], focus, memo)), shape(metricGroups([fresh, ...others], focus)), at);
      }
    }
  });

  it('keeps the paragraphs an edit replaced, so that undo analyses nothing', () => {
    const analyzer = createAnalyzer({ preloadSegmenter: false });
    const a = '第一段超64万项。\n第二段涉案金额达38.87亿元。\n第三段98%。';
    const b = a.replace('64万', '65万');
    analyzer.analyze('doc', a, {});
    assert.strictEqual(analyzer.last.analysed, 3);
    analyzer.analyze('doc', b, {});
    assert.strictEqual(analyzer.last.analysed, 1, 'the edit re-reads its own paragraph');
    const undone = analyzer.analyze('doc', a, {});
    assert.strictEqual(analyzer.last.analysed, 0, 'the undone paragraph was kept among the recent ones');
    assert.deepStrictEqual(comparable(undone), comparable(full(a)));
  });

  it('the server document state: incremental text sync, analysis, lookups and checks', () => {
    for (let seed = 21; seed <= 24; seed++) {
      const rnd = prng(seed);
      const analyzer = createAnalyzer({ preloadSegmenter: false });
      const uri = `file:///bench/doc-${seed}.txt`;
      let expected = randomText(rnd, 10);
      let doc = TextDocument.create(uri, 'plaintext', 1, expected);
      for (let step = 0; step < 25; step++) {
        const e = snapToLineBreaks(expected, randomEdit(rnd, expected));
        doc = TextDocument.update(doc, [{ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, text: e.text }], doc.version + 1);
        expected = apply(expected, e);
        assert.strictEqual(doc.getText(), expected, 'incremental text sync');
        const state = new AnalyzedDocument(uri, doc.version, doc.getText(), analyzer.analyze(uri, doc.getText(), {}), null);
        const fresh = new AnalyzedDocument(uri, doc.version, expected, full(expected), null);
        assert.deepStrictEqual(comparable(state.analysis), comparable(fresh.analysis), `seed ${seed}, step ${step}`);
        // Lookups the features use: the claim under every claim's middle, and its range.
        for (const c of fresh.analysis.claims) {
          const mid = (c.start + c.end) >> 1;
          assert.deepStrictEqual(state.figures.claimAt(mid), fresh.figures.claimAt(mid));
          assert.deepStrictEqual(state.range(c.start, c.end), fresh.range(c.start, c.end));
        }
        // Findings of the cached state equal the CLI's checks of the final text.
        const findings = runChecks([{ uri, name: 'doc', open: true, doc: state }], () => ({}));
        const want = fullCheck(uri, fresh.analysis);
        const key = (f: { code: string; start: number; end: number }) => `${f.start}:${f.end}:${f.code}`;
        assert.deepStrictEqual(findings.map(key).sort(), want.map(key).sort(), `seed ${seed}, step ${step}`);
      }
    }
  });

  it('paragraph-local rules checked per paragraph and cached equal a full check, finding for finding', () => {
    // Sentences the paragraph-local rules have something to say about, next to the seed prose.
    const LOCAL = [
      '营业收入从86.4亿元增长到103.7亿元，增长15%。',
      '净利润由20亿元下降到25亿元。',
      '毛利率从18.0%提高到21.0%，提高了3%。',
      '营收103.7亿元，同比增长5个百分点。',
      '用户数是上年的3倍，从100万增长到200万，增长了两倍。',
      '参会人员近400余人，其中约300人左右来自企业。',
      '至少5倍以上的增长，超过1000余家企业参与。',
      '2024年，销售额为120万元，上年同期为100万元，同比增长30%。',
      '　　去年底，平台处置侵权商品约50万条左右。',
    ];
    const local = new Set(RULES.filter((r) => r.scope === 'document' && r.locality === 'paragraph').map((r) => r.code));
    assert.ok(local.size >= 4, 'rules are marked paragraph-local');
    const pick = (rnd: () => number) => {
      const list = rnd() < 0.5 ? LOCAL : SENTENCES;
      return list[Math.floor(rnd() * list.length)];
    };
    const textOf = (rnd: () => number, n: number) =>
      Array.from({ length: n }, () => pick(rnd) + (rnd() < 0.5 ? pick(rnd) : '')).join(rnd() < 0.3 ? '\r\n' : rnd() < 0.5 ? '\n' : '\n\n');
    /** Edits the paragraph rules care about: one paragraph changed, paragraphs moved, a new line. */
    const edit = (rnd: () => number, text: string): string => {
      const paras = splitParagraphs(text);
      const r = rnd();
      // Swap two paragraphs (their texts move, their findings must move with them).
      if (r < 0.25 && paras.length >= 2) return swapTwo(rnd, text);
      if (r < 0.4) return insertLine(rnd, text, pick(rnd));
      return apply(text, snapToLineBreaks(text, randomEdit(rnd, text)));
    };
    const settings = [{}, { 'approx-redundant': 'error' as const, 'growth-mismatch': 'off' as const }, { 'qualifier-conflict': 'off' as const }];
    const full2 = (f: unknown) => JSON.stringify(f);
    let localFindings = 0;
    for (let seed = 51; seed <= 56; seed++) {
      const rnd = prng(seed);
      const analyzer = createAnalyzer({ preloadSegmenter: false });
      const uri = `file:///para/doc-${seed}.txt`;
      let text = textOf(rnd, 12);
      let previous = '';
      for (let step = 0; step < 30; step++) {
        text = edit(rnd, text);
        // The base date changes now and then: 上年/去年 and year-less dates read it.
        const options: AnalysisOptions = step % 7 === 6 ? { baseDate: '2021-06-30' } : seed % 2 ? {} : { baseDate: '2024-03-01' };
        const rules = settings[Math.floor(step / 10) % settings.length];
        const state = new AnalyzedDocument(uri, step + 1, text, analyzer.analyze(uri, text, options), null);
        const same = `${state.analysis.baseDate} ${JSON.stringify(rules)}` === previous;
        previous = `${state.analysis.baseDate} ${JSON.stringify(rules)}`;
        const before = paragraphCheckStats();
        const got = runChecks([{ uri, name: 'doc', open: true, doc: state }], () => rules);
        const want = fullCheck(uri, full(text, options), { rules });
        assert.deepStrictEqual(got.map(full2), want.map(full2), `seed ${seed}, step ${step}`);
        localFindings += want.filter((f) => local.has(f.code)).length;
        // Paragraphs an edit did not touch come from the cache.
        const after = paragraphCheckStats();
        if (same && splitParagraphs(text).length > 3) assert.ok(after.hits > before.hits, `seed ${seed}, step ${step}: no paragraph findings were reused`);
      }
    }
    assert.ok(localFindings > 20, `the sequences produced paragraph-local findings (${localFindings})`);
  });

  it('rates checked against the year before in other paragraphs, kept across edits, equal a full check', () => {
    // Paragraphs that state a metric with its year, or a year-on-year rate whose base is elsewhere;
    // titles that change the document's year (what a rate with no year of its own is in).
    const YEARS = [
      '2023年度报告',
      '2024年度报告',
      '2022年，公司实现营业收入148.9亿元。',
      '2022年营业收入为138.9亿元。',
      '报告期内，公司实现营业收入156.3亿元，同比增长12.5%。',
      '2023年，公司实现营业收入156.3亿元，同比增长5.0%。',
      '2023年一季度，营业收入35.2亿元，同比增长20%。',
      '2022年一季度，营业收入32.0亿元。',
      '净利润18.2亿元，同比增长8.3%。',
      '2022年，净利润16.8亿元，净利润率11.3%。',
      '2023年，净利润率为12.0%，同比提高2.7个百分点。',
    ];
    const pick = (rnd: () => number) => YEARS[Math.floor(rnd() * YEARS.length)];
    const edit = (rnd: () => number, text: string): string => {
      const paras = splitParagraphs(text);
      const r = rnd();
      if (r < 0.3 && paras.length >= 2) return swapTwo(rnd, text);
      if (r < 0.5) return insertLine(rnd, text, pick(rnd));
      if (r < 0.6 && paras.length > 2) {
        const p = paras[Math.floor(rnd() * paras.length)];
        return text.slice(0, p.start) + text.slice(Math.min(text.length, p.end + 1));
      }
      return apply(text, snapToLineBreaks(text, randomEdit(rnd, text)));
    };
    let found = 0;
    for (let seed = 61; seed <= 66; seed++) {
      const rnd = prng(seed);
      const analyzer = createAnalyzer({ preloadSegmenter: false });
      const uri = `file:///years/doc-${seed}.txt`;
      let text = Array.from({ length: 8 }, () => pick(rnd)).join('\n');
      for (let step = 0; step < 30; step++) {
        text = edit(rnd, text);
        const state = new AnalyzedDocument(uri, step + 1, text, analyzer.analyze(uri, text, {}), null);
        const got = runChecks([{ uri, name: 'doc', open: true, doc: state }], () => ({}));
        const want = fullCheck(uri, full(text));
        assert.deepStrictEqual(got.map((f) => JSON.stringify(f)), want.map((f) => JSON.stringify(f)), `seed ${seed}, step ${step}`);
        found += want.filter((f) => f.code === 'growth-mismatch').length;
      }
    }
    assert.ok(found > 20, `the sequences produced growth-mismatch findings (${found})`);
  });

  it('cross-file checks over cached contexts, for the open reports only, equal a full check', () => {
    let acrossFiles = 0;
    for (let seed = 41; seed <= 44; seed++) {
      const rnd = prng(seed);
      const analyzer = createAnalyzer({ preloadSegmenter: false });
      const texts = Array.from({ length: 6 }, () => randomText(rnd, 6));
      const reports = texts.map((text, i) => {
        const uri = `file:///ws/r${i}.txt`;
        return { uri, name: `r${i}`, open: i < 2, doc: new AnalyzedDocument(uri, i < 2 ? 1 : null, text, analyzer.analyze(uri, text, {}, 'file'), null) };
      });
      const rules = seed % 2 ? {} : { 'scale-slip': 'off' as const, 'missing-unit': 'error' as const };
      const key = (f: { path: string; code: string; start: number; end: number; severity: string; message: { en: string }; related: unknown[] }) =>
        `${f.path} ${f.start}:${f.end} ${f.code} ${f.severity} ${f.message.en} ${JSON.stringify(f.related)}`;
      // Typing in an open report: a new version each time, the closed reports unchanged.
      for (let step = 0; step < 8; step++) {
        const e = randomEdit(rnd, reports[0].doc.text);
        const text = apply(reports[0].doc.text, e);
        reports[0] = { ...reports[0], doc: new AnalyzedDocument(reports[0].uri, step + 2, text, analyzer.analyze(reports[0].uri, text, {}), null) };
        const focus = new Set(reports.filter((r) => r.open).map((r) => r.uri));
        const got = runChecks(reports, () => rules, focus);
        const all = checkDocuments(reports.map((r) => ({ path: r.uri, analysis: full(r.doc.text) })), { rules });
        assert.deepStrictEqual(got.map(key).sort(), all.filter((f) => focus.has(f.path)).map(key).sort(), `seed ${seed}, step ${step}`);
        acrossFiles += got.filter((f) => f.related.some((r) => r.path !== f.path)).length;
        // Without a focus: every report's findings, as the CLI gives them.
        assert.deepStrictEqual(runChecks(reports, () => rules).map(key).sort(), all.map(key).sort(), `seed ${seed}, step ${step} (all)`);
      }
    }
    assert.ok(acrossFiles > 0, 'the sequences produced findings that relate two reports');
  });

  it('the running server: diagnostics after random edits equal those of a fresh open', async function () {
    this.timeout(120000);
    const rnd = prng(31);
    let text = randomText(rnd, 30);
    const uri = pathToFileURL(path.join(ROOT, 'incremental-bench-doc.txt')).href;
    const init = { initializationOptions: { settings: { zhFigures: { diagnostics: { debounce: 0 } } } } };
    const editing = new TestClient();
    const fresh = new TestClient();
    try {
      await editing.initialize(null, init);
      await editing.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
      await editing.diagnosticsFor(uri, 1);
      let version = 1;
      let lines = TextDocument.create(uri, 'plaintext', 1, text);
      for (let step = 0; step < 30; step++) {
        const e = snapToLineBreaks(text, randomEdit(rnd, text));
        const change = { range: { start: lines.positionAt(e.start), end: lines.positionAt(e.end) }, text: e.text };
        text = apply(text, e);
        version++;
        lines = TextDocument.create(uri, 'plaintext', version, text);
        // Sent without waiting: stale versions must be dropped, the last one published.
        await editing.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
      }
      const got = await editing.diagnosticsFor(uri, version, 60000);
      await fresh.initialize(null, init);
      await fresh.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version, text } });
      const want = await fresh.diagnosticsFor(uri, version, 60000);
      const key = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`;
      assert.deepStrictEqual(got.map(key).sort(), want.map(key).sort());
      assert.strictEqual(editing.diagnostics.get(uri)?.version, version, 'the last version was published');
    } finally {
      await editing.stop();
      await fresh.stop();
    }
  });
});
