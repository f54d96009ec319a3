// Soak test of the language server over stdio: many random edits (typing, deleting, pasting,
// whole-document replacements, hostile characters) with hovers, tree, symbol, inlay and status
// requests in between. The server must answer every request about the version it was asked
// about, never crash, and end with exactly the diagnostics of a fresh analysis of the final text.
// Default: a few hundred edits; ZHF_SOAK=full runs 10,000. ZHF_SOAK_SEED replays a run.
import { prng } from '../support/prng';
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  HoverRequest,
  InlayHintRequest,
  type Diagnostic,
  type Position,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, ParagraphCache } from '../../server/src/core/analyze';
import { checkDocuments } from '../../server/src/core/checks';
import { pick } from '../../server/src/core/format';
import { LineIndex } from '../../server/src/core/position';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { skipReason } from '../../server/src/lsp/skip';
import { FiguresRequest, StatusRequest } from '../../server/src/protocol';
import { FRAGMENTS } from '../property/generators';
import { SERVER, TestClient } from '../server/lsp-client';

const FULL = process.env.ZHF_SOAK === 'full';
const EDITS = FULL ? 10_000 : Number(process.env.ZHF_SOAK_EDITS) || 300;
const SEED = Number(process.env.ZHF_SOAK_SEED) || (Date.now() & 0x7fffffff);
/** Longest time any single request may take before the server is considered stuck. */
const REQUEST_BUDGET_MS = 20_000;


const SENTENCES = [
  '截至2022年底，平台累计处理侵权投诉超64万件，同比下降12.5%。',
  '公司营业收入由2021年的86.4亿元增长到2022年的103.7亿元，同比增长25.6%。',
  '其中，线上业务收入约52亿元，占比50.1%。',
  '全年共删除侵权链接近50万条，较上年增长3个百分点。',
  '2023年3月24日（星期五），国家知识产权局发布报告。',
  '涉案金额达38.87亿，抓获犯罪嫌疑人1968名。',
  '门店数量超过4千家，员工约两万五千人。',
  '用户规模达8.4亿，日均活跃用户3.2亿左右。',
  '去年底，平台入驻商家一万家。',
];

class Soak {
  private readonly rnd: () => number;
  constructor(seed: number) {
    this.rnd = prng(seed);
  }
  int(n: number): number {
    return Math.floor(this.rnd() * n);
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  /** A random piece of text to type or paste. */
  snippet(): string {
    const r = this.rnd();
    if (r < 0.45) return this.pick(FRAGMENTS);
    if (r < 0.8) return this.pick(SENTENCES);
    if (r < 0.9) return this.pick(['\n', '\r\n', '\r', '\n\n']);
    if (r < 0.97) return String.fromCharCode(this.int(0x10000)); // lone surrogates included
    return this.pick(SENTENCES).repeat(1 + this.int(30)); // a paste
  }
  /** A position in the document, now and then past the end of a line or of the document. */
  position(doc: TextDocument): Position {
    if (this.chance(0.03)) return { line: doc.lineCount + this.int(5), character: this.int(100) };
    const p = doc.positionAt(this.int(doc.getText().length + 1));
    return this.chance(0.05) ? { line: p.line, character: p.character + this.int(50) } : p;
  }
  /** One didChange content change against the current document. */
  change(doc: TextDocument): TextDocumentContentChangeEvent {
    const len = doc.getText().length;
    if (this.chance(0.005)) return { text: this.chance(0.5) ? '' : this.pick(SENTENCES).repeat(1 + this.int(5)) };
    const start = this.int(len + 1);
    // Keep the document at a size where thousands of edits stay quick: shrink it when big.
    const deleting = len > 20_000 ? this.chance(0.7) : this.chance(0.3);
    const end = deleting ? Math.min(len, start + 1 + this.int(len > 20_000 ? 5000 : 30)) : this.chance(0.2) ? Math.min(len, start + this.int(10)) : start;
    return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: deleting && this.chance(0.5) ? '' : this.snippet() };
  }
}

/** What a fresh analysis of the texts says, in the server's terms (code, range, message). */
function expectedDiagnostics(docs: Map<string, string>): Map<string, string[]> {
  const inputs = [...docs].filter(([, text]) => !skipReason(text, 'plaintext', DEFAULT_SETTINGS)).map(([uri, text]) => ({ path: uri, analysis: analyzeText(text, {}, new ParagraphCache()) }));
  const findings = checkDocuments(inputs);
  const out = new Map<string, string[]>([...docs.keys()].map((u) => [u, []]));
  for (const f of findings) {
    const idx = new LineIndex(docs.get(f.path)!);
    const range = { start: idx.positionAt(f.start), end: idx.positionAt(f.end) };
    out.get(f.path)!.push(key(f.code, range, pick(f.message, 'en')));
  }
  for (const list of out.values()) list.sort();
  return out;
}

function key(code: unknown, range: { start: Position; end: Position }, message: string): string {
  return `${code} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${message}`;
}

function published(ds: Diagnostic[]): string[] {
  return ds.map((d) => key(d.code, d.range, d.message)).sort();
}

/** A request must be answered within the budget; a crashed or stuck server fails here. */
async function answered<T>(what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${REQUEST_BUDGET_MS} ms (seed ${SEED})`)), REQUEST_BUDGET_MS);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe(`server soak: ${EDITS} random edits over stdio (seed ${SEED})`, function () {
  this.timeout(FULL ? 1_800_000 : 120_000);
  let client: TestClient;
  let dir: string;

  before(async () => {
    assert.ok(fs.existsSync(SERVER), 'run `npm run compile` first: server/out/server.js is missing');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-figures-soak-'));
    client = new TestClient();
    await client.initialize(pathToFileURL(dir).href, { locale: 'en', initializationOptions: { locale: 'en', settings: { zhFigures: { diagnostics: { debounce: 20 } } } } });
  });

  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers every request, never crashes, and ends with the diagnostics of a fresh analysis', async () => {
    const soak = new Soak(SEED);
    const mainUri = pathToFileURL(path.join(dir, 'soak.txt')).href;
    const otherUri = pathToFileURL(path.join(dir, 'other.txt')).href;
    const otherText = `${SENTENCES[1]}\n${SENTENCES[5]}\n公司营业收入为130.7亿元。\n`;
    let doc = TextDocument.create(mainUri, 'plaintext', 1, SENTENCES.join('\n'));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: otherUri, languageId: 'plaintext', version: 1, text: otherText } });
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: mainUri, languageId: 'plaintext', version: 1, text: doc.getText() } });

    let requests = 0;
    for (let i = 0; i < EDITS; i++) {
      const changes = Array.from({ length: soak.chance(0.1) ? 2 + soak.int(3) : 1 }, () => {
        const c = soak.change(doc);
        doc = TextDocument.update(doc, [c], doc.version + 1);
        return c;
      });
      // Several changes in one notification apply in order, each to the result of the last.
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: mainUri, version: doc.version }, contentChanges: changes });
      if (!soak.chance(0.12)) continue;
      requests++;
      const text = doc.getText();
      const version = doc.version;
      const r = soak.int(5);
      if (r === 0) {
        const h = await answered('hover', client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: mainUri }, position: soak.position(doc) }));
        if (h?.range) {
          const s = doc.offsetAt(h.range.start);
          const e = doc.offsetAt(h.range.end);
          assert.ok(s < e, `hover range is empty or stale at version ${version} (seed ${SEED})`);
        }
      } else if (r === 1) {
        const f = await answered('figures', client.connection.sendRequest(FiguresRequest, { uri: mainUri, groupBy: soak.chance(0.5) ? 'entity' : 'subject' }));
        assert.strictEqual(f.version, version, `figures of a stale version (seed ${SEED})`);
        for (const g of f.groups) for (const item of g.items) {
          assert.strictEqual(text.slice(doc.offsetAt(item.range.start), doc.offsetAt(item.range.end)), item.text, `figure range does not hold its text (seed ${SEED})`);
        }
      } else if (r === 2) {
        await answered('documentSymbol', client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: mainUri } }));
      } else if (r === 3) {
        const end = doc.positionAt(text.length);
        await answered('inlayHint', client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: mainUri }, range: { start: { line: 0, character: 0 }, end } }));
      } else {
        const s = await answered('status', client.connection.sendRequest(StatusRequest, { uri: mainUri }));
        assert.strictEqual(s.version, version, `status of a stale version (seed ${SEED})`);
      }
    }

    const finalText = doc.getText();
    const expected = expectedDiagnostics(new Map([[mainUri, finalText], [otherUri, otherText]]));
    const got = await client.diagnosticsFor(mainUri, doc.version, 30_000);
    assert.deepStrictEqual(published(got), expected.get(mainUri), `final diagnostics differ from a fresh analysis (seed ${SEED}); final text: ${JSON.stringify(finalText.slice(0, 300))}`);
    const gotOther = await client.diagnosticsFor(otherUri, undefined, 30_000);
    // The other document's cross-file findings follow the main one: wait for them to settle.
    await client.waitFor(() => JSON.stringify(published(client.diagnostics.get(otherUri)?.diagnostics ?? gotOther)) === JSON.stringify(expected.get(otherUri)) || undefined, 30_000).catch(() => undefined);
    assert.deepStrictEqual(published(client.diagnostics.get(otherUri)!.diagnostics), expected.get(otherUri), `diagnostics of the other open document (seed ${SEED})`);
    // Still alive and serving after it all.
    const status = await answered('final status', client.connection.sendRequest(StatusRequest, { uri: otherUri }));
    assert.strictEqual(status.version, 1);
    assert.ok(requests > 0);
    const errors = client.logs.filter((l) => /error|exception|failed/i.test(l));
    assert.deepStrictEqual(errors, [], `the server logged errors (seed ${SEED})`);
  });
});
