#!/usr/bin/env node
// `npm run bench`: throughput of the analysis core and latency of the language server, on
// inputs built from the seeds in a temporary folder. Prints one JSON line per figure.
//
//   extract   analyzeText over a ≥2 MB corpus, cold: a fresh ParagraphCache and paragraphs
//             that never repeat (sentences shuffled across the seeds, numbers perturbed by a
//             seeded PRNG), so no figure is a cache hit. Subjects and entities included.
//   check     analyzeText + checkDocuments (what `zh-figures check` does) over the same corpus.
//   recognizer  Microsoft Recognizers-Text (number and number-with-unit models, zh-cn) over a
//             sample of the same corpus, in the same run, and zh-figures' extract over that very
//             sample: `extract-vs-recognizer` is the ratio of their throughputs.
//   lsp-*     `node server/out/server.js --stdio` with zhFigures.diagnostics.debounce = 0 (so
//             the debounce is excluded, not subtracted): open → first diagnostics of a 1 MB
//             report, single-character edit → its diagnostics, hover. The report states each
//             figure one way throughout (seed sentences perturbed once per document); the
//             `-contradictory` figures repeat the edits on a 1 MB text whose every restatement
//             has new numbers (thousands of findings): the worst case, not the target.
//   index     the server's workspace index over 1,000 report files (a workspace folder):
//             initialized → end of the indexing progress; then single-character edits in one
//             of those reports, whose cross-file checks see the whole index.
//   rss       peak resident set (VmHWM) of each server process.
//
// Options: --quick (smaller inputs, for a smoke run), --keep (leave the temp folder with
// corpus.txt, annual-report.txt, contradictory.txt and reports/ for a side-by-side run),
// --only=core|lsp|index|document.
// ZH_FIGURES_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles the server processes;
// ZH_FIGURES_BENCH_SERVER=FILE runs another build of the server (an A/B in the same hour).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const { execSync } = require('child_process');
const { prng, seedSentences, buildText, writeReports } = require('./bench/corpus');
const { LspClient } = require('./bench/lsp');
const { loadRecognizer, throughput } = require('./bench/recognizer');

const ROOT = path.resolve(__dirname, '..');
const QUICK = process.argv.includes('--quick');
/** --only=lsp|core|index|document: run one part (for profiling; document is lsp without the contradictory text). */
const ONLY = (process.argv.find((a) => a.startsWith('--only=')) ?? '').slice(7);
const runs = (part) => !ONLY || ONLY === part;
const KEEP = process.argv.includes('--keep');
const SIZES = QUICK
  ? { corpus: 300_000, document: 200_000, reports: 100, edits: 15, hovers: 50, indexedEdits: 5, sample: 15_000 }
  : { corpus: 2_100_000, document: 1_050_000, reports: 1000, edits: 60, hovers: 300, indexedEdits: 10, sample: 120_000 };

/** Edits before the measured ones (see benchDocument). */
const WARMUP_EDITS = 6;

function emit(figure) {
  process.stdout.write(JSON.stringify(figure) + '\n');
}

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

function ensureBuilt() {
  const need = [path.join(ROOT, 'out/server/src/core/analyze.js'), path.join(ROOT, 'server/out/server.js')];
  if (need.every((f) => fs.existsSync(f))) return;
  process.stderr.write('bench: building first (npm run compile)\n');
  execSync('npm run compile', { cwd: ROOT, stdio: 'inherit' });
}

/** The core as the CLI runs it, cold: fresh cache, segmenter loaded beforehand and timed apart. */
function benchCore(corpus, warmText) {
  const { analyzeText, ParagraphCache } = require(path.join(ROOT, 'out/server/src/core/analyze.js'));
  const { segmenterError, resetSegmenterMemo } = require(path.join(ROOT, 'out/server/src/core/segmenter.js'));
  const { checkDocuments } = require(path.join(ROOT, 'out/server/src/core/checks/index.js'));
  let t0 = performance.now();
  const segError = segmenterError();
  emit({ name: 'segmenter-load', ms: round(performance.now() - t0), segmenter: segError ? `unavailable: ${segError}` : 'nodejieba' });
  // JIT warm-up on text that shares no paragraph with the corpus.
  analyzeText(warmText, {}, new ParagraphCache());

  const runs = [];
  let last;
  for (let i = 0; i < 3; i++) {
    const cache = new ParagraphCache();
    resetSegmenterMemo();
    t0 = performance.now();
    last = analyzeText(corpus, {}, cache);
    runs.push(performance.now() - t0);
    if (cache.hits !== 0) throw new Error(`bench corpus repeats paragraphs (${cache.hits} cache hits)`);
  }
  const ms = percentile(runs, 50);
  emit({
    name: 'extract',
    charsPerSec: Math.round((corpus.length / ms) * 1000),
    chars: corpus.length,
    ms: round(ms),
    claims: last.claims.length,
    entities: last.entities.length,
    cacheHits: 0,
    runs: 3,
  });

  const checkRuns = [];
  let findings = 0;
  for (let i = 0; i < 2; i++) {
    resetSegmenterMemo();
    t0 = performance.now();
    const analysis = analyzeText(corpus, {}, new ParagraphCache());
    findings = checkDocuments([{ path: 'corpus.txt', analysis }]).length;
    checkRuns.push(performance.now() - t0);
  }
  const cms = Math.min(...checkRuns);
  emit({ name: 'check', charsPerSec: Math.round((corpus.length / cms) * 1000), chars: corpus.length, ms: round(cms), findings, includes: 'analysis + all rules, one document' });

  benchRecognizer(corpus, () => {
    resetSegmenterMemo();
    return new ParagraphCache();
  }, analyzeText);
}

/**
 * The reference recognizer and zh-figures over one sample of the corpus (whole paragraphs),
 * each warmed up first; ours cold (fresh caches per run), median of nine runs.
 */
function benchRecognizer(corpus, coldCache, analyzeText) {
  const recognizer = loadRecognizer();
  if (recognizer.error) {
    emit({ name: 'recognizer', error: recognizer.error });
    return;
  }
  const cut = corpus.indexOf('\n', SIZES.sample);
  const sample = cut < 0 ? corpus : corpus.slice(0, cut + 1);
  // Ours first, while the JIT is warm from the corpus runs: the reference allocates heavily.
  const ours = [];
  let claims = 0;
  for (let i = 0; i < 9; i++) {
    const cache = coldCache();
    const t0 = performance.now();
    claims = analyzeText(sample, {}, cache).claims.length;
    ours.push(performance.now() - t0);
  }
  const withUnits = throughput([...recognizer.numberModels, ...recognizer.unitModels], sample);
  const numbersOnly = throughput(recognizer.numberModels, sample);
  const about = { tool: recognizer.tool, culture: recognizer.culture, chars: sample.length };
  emit({ name: 'recognizer', ...about, models: [...recognizer.numberModels, ...recognizer.unitModels].map((m) => m.name).join(','), ...withUnits });
  emit({ name: 'recognizer-numbers-only', ...about, models: recognizer.numberModels.map((m) => m.name).join(','), ...numbersOnly });
  const oursPerSec = Math.round((sample.length / percentile(ours, 50)) * 1000);
  emit({
    name: 'extract-vs-recognizer',
    ratio: round(oursPerSec / withUnits.charsPerSec),
    ratioNumbersOnly: round(oursPerSec / numbersOnly.charsPerSec),
    target: 200,
    extractCharsPerSec: oursPerSec,
    recognizerCharsPerSec: withUnits.charsPerSec,
    chars: sample.length,
    claims,
    recognizerFound: withUnits.found,
  });
}

function initParams(rootUri) {
  return {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
    capabilities: {
      window: { workDoneProgress: true },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, hover: { contentFormat: ['markdown', 'plaintext'] } },
    },
    initializationOptions: { settings: { zhFigures: { diagnostics: { debounce: 0 } } } },
  };
}

/** Offsets of figures to hover: digit runs spread over the document. */
function hoverTargets(text, n, rnd) {
  const offsets = [];
  const re = /[0-9]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) offsets.push(m.index);
  const out = [];
  for (let i = 0; i < n; i++) out.push(offsets[Math.floor(rnd() * offsets.length)]);
  return out;
}

function positionAt(lineStarts, offset) {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}

function lineStartsOf(text) {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

async function benchDocument(serverJs, file, text, suffix = '') {
  const client = new LspClient(serverJs, ROOT);
  const t0 = performance.now();
  await client.request('initialize', initParams(null));
  client.notify('initialized', {});
  const startMs = performance.now() - t0;
  const uri = pathToFileURL(file).href;
  const diagnosticsOf = (version) => (msg) =>
    msg.method === 'textDocument/publishDiagnostics' && msg.params.uri === uri && (msg.params.version === undefined || msg.params.version >= version);

  let wait = client.waitFor(diagnosticsOf(1));
  let sent = performance.now();
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  let { msg, at } = await wait;
  const openMs = at - sent;
  emit({ name: `lsp-open-first-diagnostics${suffix}`, ms: round(openMs), chars: text.length, diagnostics: msg.params.diagnostics.length, serverStartMs: round(startMs) });

  // Single-character edits at random places, each waited for before the next (as a typist
  // who pauses); debounce is 0, so the time is analysis + checks + publishing. The first
  // WARMUP_EDITS are not counted: they are when V8 compiles the edit path (the first one is
  // printed on its own as firstEditMs).
  const rnd = prng(7);
  let current = text;
  let lineStarts = lineStartsOf(current);
  const latencies = [];
  const inserts = ['的', '1', '，', '万', '5'];
  let version = 1;
  let firstEditMs = null;
  for (let i = -WARMUP_EDITS; i < SIZES.edits; i++) {
    version++;
    const del = (i + WARMUP_EDITS) % 2 === 1; // undo the previous insertion half of the time: the text stays realistic
    let offset;
    let change;
    if (del) {
      offset = lastInsert;
      const start = positionAt(lineStarts, offset);
      const end = positionAt(lineStarts, offset + 1);
      change = { range: { start, end }, text: '' };
      current = current.slice(0, offset) + current.slice(offset + 1);
    } else {
      offset = Math.floor(rnd() * current.length);
      if (current[offset] === '\n') offset++;
      const ch = inserts[Math.floor(rnd() * inserts.length)];
      const start = positionAt(lineStarts, offset);
      change = { range: { start, end: start }, text: ch };
      current = current.slice(0, offset) + ch + current.slice(offset);
      var lastInsert = offset; // eslint-disable-line no-var
    }
    lineStarts = lineStartsOf(current);
    wait = client.waitFor(diagnosticsOf(version));
    sent = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    ({ msg, at } = await wait);
    if (firstEditMs === null) firstEditMs = round(at - sent);
    if (i >= 0) latencies.push(at - sent);
  }
  emit({
    name: `lsp-edit-diagnostics${suffix}`,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    edits: latencies.length,
    warmupEdits: WARMUP_EDITS,
    firstEditMs,
    debounce: 'set to 0 (excluded)',
    chars: text.length,
    diagnostics: msg.params.diagnostics.length,
  });

  const hovers = [];
  let answered = 0;
  for (const offset of hoverTargets(current, SIZES.hovers, prng(11))) {
    const s = performance.now();
    const r = await client.request('textDocument/hover', { textDocument: { uri }, position: positionAt(lineStarts, offset) });
    hovers.push(performance.now() - s);
    if (r) answered++;
  }
  emit({ name: `lsp-hover${suffix}`, p50Ms: round(percentile(hovers, 50), 2), p95Ms: round(percentile(hovers, 95), 2), hovers: hovers.length, answered });

  const rss = client.peakRss();
  await client.stop();
  return rss;
}

async function benchIndex(serverJs, folder, files, chars) {
  const client = new LspClient(serverJs, ROOT);
  await client.request('initialize', initParams(pathToFileURL(folder).href));
  const done = client.waitFor((msg) => msg.method === '$/progress' && msg.params.value && msg.params.value.kind === 'end', 600000);
  const sent = performance.now();
  client.notify('initialized', {});
  const { at } = await done;
  emit({ name: 'index', ms: round(at - sent), files, chars, via: 'server workspace index (workspace folder, background build with progress)' });

  // Typing in one report of the indexed workspace: the cross-file rules compare its figures
  // with those of every indexed report that states the same metric.
  const file = path.join(folder, 'group-00', 'report-0000.txt');
  const uri = pathToFileURL(file).href;
  let text = fs.readFileSync(file, 'utf8');
  let wait = client.waitFor((msg) => msg.method === 'textDocument/publishDiagnostics' && msg.params.uri === uri && msg.params.version === 1, 600000);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  await wait;
  const rnd = prng(13);
  const latencies = [];
  for (let version = 2; version < 2 + SIZES.indexedEdits; version++) {
    const lineStarts = lineStartsOf(text);
    const offset = Math.floor(rnd() * text.length);
    const start = positionAt(lineStarts, offset);
    text = text.slice(0, offset) + '的' + text.slice(offset);
    wait = client.waitFor((msg) => msg.method === 'textDocument/publishDiagnostics' && msg.params.uri === uri && msg.params.version === version, 600000);
    const s = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start, end: start }, text: '的' }] });
    latencies.push((await wait).at - s);
  }
  emit({ name: 'lsp-edit-diagnostics-indexed', p50Ms: round(percentile(latencies, 50)), p95Ms: round(percentile(latencies, 95)), edits: latencies.length, chars: text.length, indexedFiles: files, debounce: 'set to 0 (excluded)' });
  const rss = client.peakRss();
  await client.stop();
  return rss;
}

async function main() {
  ensureBuilt();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-figures-bench-'));
  try {
    const sentences = seedSentences(path.join(ROOT, 'seeds'));
    const seen = new Set();
    const rnd = prng(20261123);
    const corpus = buildText(sentences, SIZES.corpus, rnd, seen);
    const warm = buildText(sentences, 60_000, rnd, seen);
    const document = buildText(sentences, SIZES.document, rnd, seen, '2023-03-23', true);
    const contradictory = buildText(sentences, SIZES.document, rnd, seen);
    // On disk too, so that another recognizer can be run over the very same text (--keep).
    fs.writeFileSync(path.join(tmp, 'corpus.txt'), corpus);
    const docFile = path.join(tmp, 'annual-report.txt');
    fs.writeFileSync(docFile, document);
    const stressFile = path.join(tmp, 'contradictory.txt');
    fs.writeFileSync(stressFile, contradictory);
    const reportsDir = path.join(tmp, 'reports');
    const reportChars = writeReports(reportsDir, sentences, SIZES.reports, rnd, seen);

    const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', node: process.version, platform: `${os.platform()} ${os.arch()}` };
    emit({ name: 'machine', ...machine, quick: QUICK });

    // The language server first, while this process (the client, which receives the
    // diagnostics) is still small: the core runs below leave a large heap whose collections
    // would delay the client and be counted against the server.
    const serverJs = path.resolve(process.env.ZH_FIGURES_BENCH_SERVER || path.join(ROOT, 'server/out/server.js'));
    const rssDocument = runs('lsp') || runs('document') ? await benchDocument(serverJs, docFile, document) : null;
    const rssIndex = runs('index') ? await benchIndex(serverJs, reportsDir, SIZES.reports, reportChars) : null;
    const rssStress = runs('lsp') ? await benchDocument(serverJs, stressFile, contradictory, '-contradictory') : null;

    if (runs('core')) benchCore(corpus, warm);
    const mb = (bytes) => (bytes === null ? null : round(bytes / 2 ** 20));
    emit({
      name: 'rss',
      peakMB: round(Math.max(rssDocument ?? 0, rssIndex ?? 0) / 2 ** 20),
      documentServerMB: mb(rssDocument),
      indexServerMB: mb(rssIndex),
      contradictoryServerMB: mb(rssStress),
    });
  } finally {
    if (KEEP) process.stderr.write(`bench: inputs kept in ${tmp}\n`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench: ${e && e.stack ? e.stack : e}\n`);
    process.exit(1);
  }
);
