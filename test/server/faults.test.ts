// Fault containment of the language server over stdio: one document that breaks the analysis
// is reported for itself while the others are served; malformed messages get LSP errors or
// empty answers, never a crash; huge files stay within a time budget and honour cancellation.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  CancellationTokenSource,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  ResponseError,
} from 'vscode-languageserver-protocol';
import { StatusRequest, type DocumentStatus } from '../../server/src/protocol';
import { runs } from '../property/invariants';
import { SERVER, TestClient } from './lsp-client';

/** Text that the server's fault-injection hook makes the analysis throw on. */
const MARKER = 'ZHF-INJECTED-FAULT';
/** Arithmetic that does not add up, so that a healthy analysis publishes a problem. */
const PLANTED = '　　公司营业收入由2021年的86.4亿元增长到2022年的103.7亿元，同比增长25.6%。\n';
const BUDGET_MS = 20_000;

async function within<T>(what: string, p: Promise<T>, ms = BUDGET_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** The answer or the LSP error code of a request: either is fine, silence is not. */
async function outcome(client: TestClient, method: string, params: unknown): Promise<{ result?: unknown; code?: number }> {
  try {
    return { result: await within(method, client.connection.sendRequest(method, params)) };
  } catch (e) {
    if (e instanceof ResponseError) return { code: e.code };
    throw e;
  }
}

describe('language server faults', function () {
  this.timeout(90_000);
  let client: TestClient;
  let dir: string;
  const uriOf = (name: string): string => pathToFileURL(path.join(dir, name)).href;

  before(async () => {
    assert.ok(fs.existsSync(SERVER), 'run `npm run compile` first: server/out/server.js is missing');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-figures-faults-'));
    // The spawned server inherits the environment: arm its fault-injection hook.
    process.env.ZH_FIGURES_FAULT_INJECT = MARKER;
    try {
      client = new TestClient();
    } finally {
      delete process.env.ZH_FIGURES_FAULT_INJECT;
    }
    await client.initialize(pathToFileURL(dir).href, { locale: 'en', initializationOptions: { locale: 'en', settings: { zhFigures: { diagnostics: { debounce: 10 } } } } });
  });

  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, text: unknown, version = 1): Promise<string> {
    const uri = uriOf(name);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version, text: text as string } });
    return uri;
  }

  const status = (uri: string): Promise<DocumentStatus> => within('status', client.connection.sendRequest(StatusRequest, { uri }));

  it('reports an analysis failure for that document only and keeps serving the others', async () => {
    const good = await open('good.txt', PLANTED);
    const bad = await open('bad.txt', `${PLANTED}${MARKER}\n`);
    const goodDiagnostics = await client.diagnosticsFor(good, 1);
    assert.ok(goodDiagnostics.some((d) => d.code === 'growth-mismatch'), 'the healthy document still gets its problems');
    const s = await status(bad);
    assert.strictEqual(s.skipped, 'unreadable');
    assert.strictEqual(s.figures, 0);
    await client.waitFor(() => client.logs.some((l) => l.includes(`analysis of ${bad} failed`) && l.includes(MARKER)));
    await client.waitFor(() => client.messages.some((m) => m.message.includes('bad.txt') && /could not analyse/.test(m.message)));
    // Told once, however often the broken document is asked about.
    await status(bad);
    await within('hover', client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: bad }, position: { line: 0, character: 20 } }));
    assert.strictEqual(client.messages.filter((m) => m.message.includes('bad.txt')).length, 1);
    // Once the offending text is gone the document is analysed like any other.
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: bad, version: 2 }, contentChanges: [{ text: PLANTED }] });
    const recovered = await client.diagnosticsFor(bad, 2);
    assert.ok(recovered.some((d) => d.code === 'growth-mismatch'));
    assert.strictEqual((await status(bad)).skipped, null);
  });

  it('treats a document opened without text as empty', async () => {
    const uri = uriOf('no-text.txt');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type.method, { textDocument: { uri, languageId: 'plaintext', version: 1 } });
    const s = await status(uri);
    assert.strictEqual(s.figures, 0);
    const good = await open('good-2.txt', PLANTED);
    assert.ok((await client.diagnosticsFor(good, 1)).length > 0, 'other documents are still checked');
  });

  it('answers malformed requests with LSP errors or empty results', async () => {
    const good = await open('good-3.txt', PLANTED);
    const cases: Array<[string, unknown]> = [
      ['textDocument/hover', { textDocument: { uri: 'file:///no/such/file.txt' }, position: { line: 0, character: 0 } }],
      ['textDocument/hover', { textDocument: { uri: good }, position: { line: -5, character: 1e12 } }],
      ['textDocument/hover', { textDocument: { uri: good }, position: { line: 'x', character: null } }],
      ['textDocument/hover', { textDocument: { uri: good }, position: { line: 1e9, character: 1.5 } }],
      ['textDocument/hover', { position: { line: 0, character: 0 } }],
      ['textDocument/documentSymbol', { textDocument: { uri: 42 } }],
      ['textDocument/inlayHint', { textDocument: { uri: good }, range: null }],
      ['textDocument/inlayHint', { textDocument: { uri: good }, range: { start: { line: 9, character: 0 }, end: { line: 0, character: 0 } } }],
      ['textDocument/codeAction', { textDocument: { uri: good }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, context: { diagnostics: [{ range: null, message: 'x', code: 'scale-slip', data: { version: 'x', index: 999 } }] } }],
      ['workspace/symbol', { query: 5 }],
      ['zhFigures/figures', null],
      ['zhFigures/figures', { uri: 42 }],
      ['zhFigures/figures', { uri: 'file:///%zz' }],
      ['zhFigures/figures', { uri: 'untitled:Untitled-1' }],
      ['zhFigures/figures', { uri: pathToFileURL(dir).href }],
      ['zhFigures/status', null],
      ['zhFigures/status', { uri: {} }],
      ['zhFigures/exportMetrics', null],
      ['zhFigures/exportMetrics', { uris: 'not-a-list', format: 'xml' }],
      ['zhFigures/checkWorkspace', { uris: 7 }],
      ['zhFigures/noSuchRequest', {}],
    ];
    for (const [method, params] of cases) {
      const o = await outcome(client, method, params);
      if (o.code !== undefined) assert.ok([-32602, -32603, -32601, -32800].includes(o.code), `${method}: unexpected error code ${o.code}`);
    }
    // Typed parameter errors where the server can tell what is wrong.
    assert.strictEqual((await outcome(client, 'zhFigures/figures', { uri: 42 })).code, -32602);
    assert.strictEqual((await outcome(client, 'zhFigures/status', null)).code, -32602);
    assert.strictEqual((await outcome(client, 'zhFigures/exportMetrics', { uris: 'x', format: 'csv' })).code, -32602);
    assert.strictEqual((await outcome(client, 'textDocument/hover', { textDocument: { uri: good }, position: { line: 99, character: 99 } })).result, null);
    // Still serving.
    assert.strictEqual((await status(good)).version, 1);
  });

  it('survives random parameters on every method (fuzzed)', async () => {
    const good = await open('good-fuzz.txt', PLANTED);
    const uriLike = fc.oneof(fc.constant(good), fc.constant('file:///nope.txt'), fc.constant('untitled:x'), fc.constant(''), fc.string(), fc.integer(), fc.constant(null));
    const position = fc.oneof(fc.record({ line: fc.integer(), character: fc.integer() }), fc.anything());
    const range = fc.oneof(fc.record({ start: position, end: position }), fc.anything());
    const params = fc.oneof(
      fc.anything(),
      fc.record({ textDocument: fc.record({ uri: uriLike }), position }, { requiredKeys: [] }),
      fc.record({ textDocument: fc.record({ uri: uriLike }), range, context: fc.anything() }, { requiredKeys: [] }),
      fc.record({ uri: uriLike, groupBy: fc.anything(), uris: fc.anything(), format: fc.anything(), query: fc.anything() }, { requiredKeys: [] })
    );
    const requests = ['textDocument/hover', 'textDocument/inlayHint', 'textDocument/codeAction', 'textDocument/documentSymbol', 'workspace/symbol', 'zhFigures/figures', 'zhFigures/status', 'zhFigures/exportMetrics', 'zhFigures/workspaceFiles'];
    const notifications = ['textDocument/didChange', 'textDocument/didClose', 'workspace/didChangeWatchedFiles', 'workspace/didChangeConfiguration'];
    const samples = fc.sample(fc.tuple(fc.constantFrom(...requests, ...notifications), params), { numRuns: runs(150), seed: Number(process.env.ZHF_FUZZ_SEED) || 7 });
    for (const [method, p] of samples) {
      if (notifications.includes(method)) {
        // Never close or rewrite the document this test reads at the end.
        const target = (p as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
        if (method !== 'workspace/didChangeWatchedFiles' && method !== 'workspace/didChangeConfiguration' && target === good) continue;
        await client.connection.sendNotification(method, p as object);
      } else {
        const o = await outcome(client, method, p);
        if (o.code !== undefined) assert.ok([-32602, -32603, -32601, -32800].includes(o.code), `${method}: error code ${o.code}`);
      }
    }
    // Reset whatever settings the fuzz sent, then make sure the server still does its job.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { zhFigures: { diagnostics: { debounce: 10 } } } });
    assert.strictEqual((await status(good)).version, 1);
    const other = await open('good-after-fuzz.txt', PLANTED);
    assert.ok((await client.diagnosticsFor(other, 1)).some((d) => d.code === 'growth-mismatch'));
    const escaped = client.logs.filter((l) => /unhandled error|uncaught error/.test(l));
    assert.deepStrictEqual(escaped, [], 'an exception escaped a handler');
  });

  it('survives malformed notifications', async () => {
    const notifications: Array<[string, unknown]> = [
      ['workspace/didChangeWatchedFiles', { changes: [{ uri: 42, type: 1 }, { uri: 'file:///nowhere/x.txt', type: 3 }, null] }],
      ['workspace/didChangeWatchedFiles', null],
      ['workspace/didChangeWatchedFiles', { changes: 'nope' }],
      ['workspace/didChangeConfiguration', null],
      ['workspace/didChangeConfiguration', { settings: { zhFigures: { maxFileSize: 'big', languages: 'x', rules: null, diagnostics: { debounce: -1 }, workspaceIndex: 3 } } }],
      ['textDocument/didChange', { textDocument: { uri: 'file:///never/opened.txt', version: 3 }, contentChanges: [{ text: 'x' }] }],
      ['textDocument/didClose', { textDocument: { uri: 'file:///never/opened.txt' } }],
      ['textDocument/didClose', null],
      ['zhFigures/unknownNotification', { a: 1 }],
    ];
    for (const [method, params] of notifications) await client.connection.sendNotification(method, params);
    const good = await open('good-4.txt', PLANTED);
    assert.ok((await client.diagnosticsFor(good, 1)).some((d) => d.code === 'growth-mismatch'), 'the server still checks after malformed notifications');
    const unhandled = client.logs.filter((l) => /unhandled error|uncaught error/.test(l));
    assert.deepStrictEqual(unhandled, [], 'no handler let an exception escape');
  });

  it('checks a file near the size limit within a time budget and honours cancellation', async () => {
    const unit = '截至2022年底，平台累计处理侵权投诉超64万件，同比下降12.5%，涉案金额约38.87亿元；\n';
    const huge = unit.repeat(Math.floor(1_900_000 / unit.length));
    const small = await open('small.txt', PLANTED);
    await client.diagnosticsFor(small, 1);
    const t0 = Date.now();
    const uri = await open('huge.txt', huge);
    const source = new CancellationTokenSource();
    const hover = client.connection
      .sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1000, character: 20 } }, source.token)
      .then(
        (r) => ({ result: r as unknown, code: undefined as number | undefined }),
        (e: ResponseError<unknown>) => ({ result: undefined, code: e.code })
      );
    source.cancel();
    const answer = await within('cancelled hover', hover);
    // Cancelled before the answer was built: RequestCancelled (or nothing, if it was already done).
    assert.ok(answer.code === -32800 || answer.code === undefined, `cancelled hover answered ${answer.code}`);
    const s = await status(small);
    assert.strictEqual(s.version, 1);
    await client.diagnosticsFor(uri, 1, BUDGET_MS);
    const elapsed = Date.now() - t0;
    assert.ok(elapsed < BUDGET_MS, `1.9 MB file took ${elapsed} ms to check`);
    // An edit in the huge file is answered quickly (paragraphs not touched are not re-analysed).
    const t1 = Date.now();
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '新增' }] });
    const h = await within('hover after edit', client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1000, character: 20 } }));
    assert.ok(h, 'the figure under the cursor is found');
    assert.ok(Date.now() - t1 < BUDGET_MS / 2, `hover after an edit took ${Date.now() - t1} ms`);
  });

  it('does not analyse a file above maxFileSize and says so', async () => {
    const before = client.messages.length;
    const line = '公司营业收入为103.7亿元。';
    const uri = await open('too-big.txt', line.repeat(Math.ceil(2_100_000 / line.length)));
    const s = await status(uri);
    assert.strictEqual(s.skipped, 'too-large');
    await client.waitFor(() => client.messages.slice(before).some((m) => m.message.includes('too-big.txt') && m.message.includes('maxFileSize')));
  });
});
