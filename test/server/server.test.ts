// Protocol tests: the real bundled server over stdio, driven by a generic JSON-RPC client.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  HoverRequest,
  InlayHintRequest,
  WorkspaceSymbolRequest,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type MarkupContent,
  type SymbolInformation,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/core/position';
import { ExportMetricsRequest, FiguresRequest, StatusRequest, WorkspaceFilesRequest } from '../../server/src/protocol';
import { ROOT, SERVER, TestClient } from './lsp-client';

const SEEDS = path.join(ROOT, 'seeds');
const ALIBABA = fs.readFileSync(path.join(SEEDS, 'alibaba-ip-protection-2021.txt'), 'utf8');

/** A short report of our own with planted inconsistencies (not a seed). */
const PLANTED = [
  '　　2023年3月24日（星期四），某公司发布年报。',
  '　　年报显示，公司营业收入由2021年的86.4亿元增长到2022年的103.7亿元，同比增长25.6%。',
  '　　平台累计处理投诉约12万件左右。',
  '　　公司门店数量超过4千家。',
  '',
].join('\n');

function applyEdits(text: string, edits: TextEdit[]): string {
  const idx = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: idx.offsetAt(e.range.start), end: idx.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  for (const e of sorted) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

function hoverText(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  return (h.contents as MarkupContent).value;
}

describe('language server over stdio', function () {
  this.timeout(60000);
  let client: TestClient;
  let dir: string;
  let folderUri: string;
  const uriOf = (name: string): string => pathToFileURL(path.join(dir, name)).href;

  before(async () => {
    assert.ok(fs.existsSync(SERVER), 'run `npm run compile` first: server/out/server.js is missing');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-figures-lsp-'));
    for (const f of fs.readdirSync(SEEDS)) fs.copyFileSync(path.join(SEEDS, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, 'planted.txt'), PLANTED);
    fs.writeFileSync(path.join(dir, 'english.md'), '# Notes\n\nThis README has only English text and 64 numbers.\n');
    folderUri = pathToFileURL(dir).href;
    client = new TestClient();
    await client.initialize(folderUri, { locale: 'en' });
  });

  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, text: string, languageId = 'plaintext', version = 1): Promise<string> {
    const uri = uriOf(name);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return uri;
  }

  function position(text: string, needle: string, delta = 1): { line: number; character: number } {
    const at = text.indexOf(needle);
    assert.ok(at >= 0, `${needle} not in text`);
    return new LineIndex(text).positionAt(at + delta);
  }

  it('hovers 超64万项 with 640,000 and "over"', async () => {
    const uri = await open('alibaba-ip-protection-2021.txt', ALIBABA);
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: position(ALIBABA, '超64万项', 2) });
    const text = hoverText(h);
    assert.match(text, /640,000/);
    assert.match(text, /over/);
    assert.match(text, /> 640,000 项/);
    assert.ok(h!.range, 'hover has the claim range');
  });

  it('hovers money with full digits, 亿 form and the English scale', async () => {
    const uri = uriOf('alibaba-ip-protection-2021.txt');
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: position(ALIBABA, '38.87亿', 1) });
    const text = hoverText(h);
    assert.match(text, /3,887,000,000 元/);
    assert.match(text, /38\.87 亿元/);
    assert.match(text, /≈ 3\.89 billion CNY/);
    assert.match(text, /涉案金额/);
  });

  it('hovers a relative date with the date it resolved to', async () => {
    const uri = uriOf('alibaba-ip-protection-2021.txt');
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: position(ALIBABA, '去年底', 1) });
    const text = hoverText(h);
    assert.match(text, /2021-12-31/);
    assert.match(text, /Friday/);
  });

  it('publishes diagnostics with contract codes and related locations', async () => {
    const uri = await open('planted.txt', PLANTED);
    const diags = await client.diagnosticsFor(uri);
    const codes = diags.map((d) => d.code);
    for (const code of ['weekday-mismatch', 'growth-mismatch', 'approx-redundant', 'mixed-numeral-style']) assert.ok(codes.includes(code), `${code} in ${codes}`);
    const growth = diags.find((d) => d.code === 'growth-mismatch')!;
    assert.strictEqual(growth.source, 'zh-figures');
    assert.ok(growth.relatedInformation && growth.relatedInformation.length >= 2, 'growth-mismatch names the figures it compares');
    assert.strictEqual(growth.relatedInformation[0].location.uri, uri);
    assert.match(growth.message, /20\.0%/);
  });

  it('offers quick fixes that apply cleanly (4千 → 4000)', async () => {
    const uri = uriOf('planted.txt');
    const diags = await client.diagnosticsFor(uri);
    const d = diags.find((x) => x.code === 'mixed-numeral-style')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix && fix.edit?.changes?.[uri], `a preferred fix among ${actions.map((a) => a.title)}`);
    const fixed = applyEdits(PLANTED, fix.edit!.changes![uri]);
    assert.ok(fixed.includes('超过4000家'), fixed);
    assert.ok(actions.some((a) => /Silence mixed-numeral-style on this line/.test(a.title)));
    assert.ok(actions.some((a) => /Silence mixed-numeral-style in this file/.test(a.title)));
  });

  it('silences a rule on a line through an incremental edit, and stays correct', async () => {
    const uri = uriOf('planted.txt');
    const diags = await client.diagnosticsFor(uri);
    const d = diags.find((x) => x.code === 'approx-redundant')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    const silence = actions.find((a) => /on this line/.test(a.title))!;
    const edits = silence.edit!.changes![uri];
    assert.strictEqual(edits.length, 1);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    const after = await client.diagnosticsFor(uri, 2);
    assert.ok(!after.some((x) => x.code === 'approx-redundant'), 'silenced');
    assert.ok(after.some((x) => x.code === 'growth-mismatch'), 'other findings remain');
  });

  it('keeps hover and figures right after incremental edits', async () => {
    const uri = await open('edited.txt', ALIBABA);
    let text = ALIBABA;
    const insert = '据报道，';
    // Insert at the start, then delete a few characters in the middle, by ranges.
    const edit1 = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: insert };
    text = insert + text;
    const idx = new LineIndex(text);
    const cut = text.indexOf('品牌权利人入驻量');
    const edit2 = { range: { start: idx.positionAt(cut), end: idx.positionAt(cut + 2) }, text: '' };
    text = text.slice(0, cut) + text.slice(cut + 2);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [edit1, edit2] });
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: position(text, '38.87亿', 1) });
    assert.match(hoverText(h), /3,887,000,000/);
    // The edited document reads exactly like the same text opened fresh.
    const fresh = await open('fresh.txt', text);
    const a = await client.connection.sendRequest(FiguresRequest, { uri });
    const b = await client.connection.sendRequest(FiguresRequest, { uri: fresh });
    const strip = (r: typeof a) => r.groups.flatMap((g) => g.items.map((i) => [i.text, i.range, i.value, i.subject]));
    assert.deepStrictEqual(strip(a), strip(b));
    assert.strictEqual(a.version, 2);
  });

  it('gives inlay hints only when enabled', async () => {
    const uri = uriOf('alibaba-ip-protection-2021.txt');
    const range = { start: { line: 0, character: 0 }, end: new LineIndex(ALIBABA).positionAt(ALIBABA.length) };
    const off = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range });
    assert.deepStrictEqual(off ?? [], []);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { zhFigures: { inlayHints: { enabled: true } } } });
    const on = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range });
    assert.ok(on && on.some((h) => h.label === '> 640,000 项'), JSON.stringify(on?.slice(0, 5)));
    const hint = on!.find((h) => h.label === '> 640,000 项')!;
    assert.deepStrictEqual(hint.position, position(ALIBABA, '超64万项', '超64万项'.length));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { zhFigures: {} } });
  });

  it('lists document symbols grouped by subject', async () => {
    const uri = uriOf('alibaba-ip-protection-2021.txt');
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const money = symbols.find((s) => s.name === '涉案金额');
    assert.ok(money, symbols.map((s) => s.name).join(','));
    assert.ok(money.children!.some((c) => c.name === '涉案金额 · 38.87亿 = 3,887,000,000 元'));
  });

  it('finds a metric in every report with workspace symbols', async () => {
    // The douyin seed is never opened: it comes from the workspace index.
    const douyin = uriOf('douyin-ip-protection-2022.txt');
    let result: SymbolInformation[] = [];
    for (let i = 0; i < 50; i++) {
      result = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '金额' })) as SymbolInformation[];
      if (result.some((s) => s.location.uri === douyin)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(result.some((s) => s.name.startsWith('涉案金额') && s.location.uri === uriOf('alibaba-ip-protection-2021.txt')));
    assert.ok(result.some((s) => s.location.uri === douyin), 'indexed report found');
  });

  it('answers the tree request grouped by subject and by entity, with problem marks', async () => {
    const uri = uriOf('alibaba-ip-protection-2021.txt');
    const bySubject = await client.connection.sendRequest(FiguresRequest, { uri, groupBy: 'subject' });
    assert.strictEqual(bySubject.groupBy, 'subject');
    const money = bySubject.groups.find((g) => g.key === '涉案金额')!;
    assert.ok(money.items.some((i) => i.label === '涉案金额 · 38.87亿 = 3,887,000,000 元' && i.kind === 'money'));
    const over = bySubject.groups.flatMap((g) => g.items).find((i) => i.text === '超64万项')!;
    assert.strictEqual(over.label, '知识产权权利 · 超64万项 > 640,000 项');
    assert.deepStrictEqual(over.range.start, position(ALIBABA, '超64万项', 0));
    const byEntity = await client.connection.sendRequest(FiguresRequest, { uri, groupBy: 'entity' });
    assert.strictEqual(byEntity.total, bySubject.total);
    assert.strictEqual(byEntity.groups.reduce((n, g) => n + g.items.length, 0), bySubject.total);
    const planted = await client.connection.sendRequest(FiguresRequest, { uri: uriOf('planted.txt') });
    assert.ok(planted.groups.some((g) => g.items.some((i) => i.problems > 0 && i.severity === 'error')), 'a figure touched by an error is marked');
  });

  it('lists workspace files, exports CSV and JSON, and reports status counts', async () => {
    const files = await client.connection.sendRequest(WorkspaceFilesRequest, {});
    const names = files.files.map((f) => f.name);
    assert.ok(names.includes('douyin-ip-protection-2022.txt') && names.includes('planted.txt'), names.join(','));
    assert.ok(!names.includes('english.md'), 'English-only files are skipped');
    const csv = await client.connection.sendRequest(ExportMetricsRequest, { uris: [uriOf('alibaba-ip-protection-2021.txt')], format: 'csv' });
    const rows = csv.content.replace(/^\uFEFF/, '').trim().split(/\r\n/);
    assert.strictEqual(rows[0], 'path,line,character,text,kind,value,upper,unit,qualifier,date,subject,entity');
    assert.ok(rows.some((r) => r.includes(',超64万项,count,640000,,项,over,')), rows.slice(0, 5).join('\n'));
    const json = JSON.parse((await client.connection.sendRequest(ExportMetricsRequest, { format: 'json' })).content);
    assert.ok(json.files.length >= 3);
    const status = await client.connection.sendRequest(StatusRequest, { uri: uriOf('planted.txt') });
    assert.ok(status.figures > 5 && status.errors >= 2, JSON.stringify(status));
  });

  it('skips documents with little Chinese and tells the user about too-large ones', async () => {
    const en = await open('english.md', '# Notes\n\nThis README has only English text and 64 numbers.\n', 'markdown');
    assert.deepStrictEqual(await client.diagnosticsFor(en), []);
    assert.strictEqual((await client.connection.sendRequest(StatusRequest, { uri: en })).skipped, 'little-chinese');
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { zhFigures: { maxFileSize: 1000 } } });
    const big = await open('big.txt', ALIBABA);
    const msg = await client.waitFor(() => client.messages.find((m) => /big\.txt/.test(m.message)));
    assert.match(msg.message, /maxFileSize/);
    assert.strictEqual((await client.connection.sendRequest(StatusRequest, { uri: big })).skipped, 'too-large');
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { zhFigures: {} } });
  });

  it('follows the client locale for server messages', async () => {
    const zh = new TestClient();
    try {
      await zh.initialize(null, { locale: 'zh-cn' });
      const uri = 'untitled:planted-zh';
      await zh.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: PLANTED } });
      const diags: Diagnostic[] = await zh.diagnosticsFor(uri);
      const growth = diags.find((d) => d.code === 'growth-mismatch')!;
      assert.match(growth.message, /[\u4e00-\u9fff]/);
      const h = await zh.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: position(PLANTED, '4千', 1) });
      assert.match(hoverText(h), /超过/);
    } finally {
      await zh.stop();
    }
  });
});
