// Fact-check annotations over the protocol: the real bundled server over stdio marks claims,
// writes `.zh-figures/annotations.json`, places marks on later versions of the text (following
// the claim, or stale when its text changed), shows them in hover, code actions and the tree,
// merges with another writer, and backs up a corrupt store instead of overwriting it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type CodeAction,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { AnnotationsFile } from '../../server/src/annotations-store';
import { analyzeText } from '../../server/src/core/analyze';
import { markClaim } from '../../server/src/core/annotations';
import { LineIndex } from '../../server/src/core/position';
import {
  AnnotationsChangedNotification,
  AnnotationsRequest,
  FactCheckReportRequest,
  FiguresRequest,
  RemoveAnnotationRequest,
  SetAnnotationRequest,
} from '../../server/src/protocol';
import { SERVER, TestClient } from './lsp-client';

/** A report of our own (not a seed). */
const REPORT = [
  '　　2023年3月24日，某市市场监管局发布年度报告。',
  '　　报告显示，全年共查处侵权假冒案件2685起，涉案金额达38.87亿元，同比增长12%。',
  '　　全市登记在册的市场主体超过64万户，其中企业约21万家。',
  '',
].join('\n');

function positionOf(text: string, needle: string, delta = 1) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in text`);
  return new LineIndex(text).positionAt(at + delta);
}

describe('fact-check annotations over the protocol', function () {
  this.timeout(60000);
  let client: TestClient;
  let dir: string;
  let uri: string;
  let version = 1;
  /** The document's text as last sent. */
  let current = REPORT;
  const changedUris: string[] = [];
  const storePath = () => path.join(dir, '.zh-figures', 'annotations.json');

  before(async () => {
    assert.ok(fs.existsSync(SERVER), 'run `npm run compile` first: server/out/server.js is missing');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-figures-annotations-'));
    fs.mkdirSync(path.join(dir, 'reports'));
    fs.writeFileSync(path.join(dir, 'reports', 'city.txt'), REPORT);
    client = new TestClient();
    client.connection.onNotification(AnnotationsChangedNotification, (p) => changedUris.push(...p.uris));
    await client.initialize(pathToFileURL(dir).href, { locale: 'en' });
    uri = pathToFileURL(path.join(dir, 'reports', 'city.txt')).href;
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version, text: REPORT } });
  });

  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function change(text: string): Promise<void> {
    version++;
    current = text;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  it('marks a claim: the store file is written, relative to the workspace, and a change is announced', async () => {
    const r = await client.connection.sendRequest(SetAnnotationRequest, {
      uri,
      position: positionOf(REPORT, '38.87亿元', 2),
      status: 'verified',
      note: '与年报一致',
      source: 'https://example.org/annual.pdf',
    });
    assert.strictEqual(r.error, null);
    assert.ok(r.annotation);
    assert.deepStrictEqual([r.annotation.status, r.annotation.stale, r.annotation.markedText], ['verified', false, '38.87亿元']);
    const stored = JSON.parse(fs.readFileSync(storePath(), 'utf8'));
    assert.strictEqual(stored.annotations.length, 1);
    assert.deepStrictEqual(
      [stored.annotations[0].file, stored.annotations[0].claim, stored.annotations[0].note, stored.annotations[0].source, stored.annotations[0].line],
      ['reports/city.txt', '38.87亿元', '与年报一致', 'https://example.org/annual.pdf', 2]
    );
    await client.waitFor(() => changedUris.includes(uri));
  });

  it('lists the marks placed on the current text, with counts', async () => {
    const r = await client.connection.sendRequest(AnnotationsRequest, { uri });
    assert.strictEqual(r.error, null);
    assert.strictEqual(r.store, storePath());
    assert.strictEqual(r.marks.length, 1);
    assert.deepStrictEqual(r.marks[0].range!.start, positionOf(REPORT, '38.87亿元', 0));
    assert.strictEqual(r.counts.verified, 1);
    assert.strictEqual(r.counts.unmarked, r.counts.claims - 1);
  });

  it('shows the verdict in the hover, with command links to change it', async () => {
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(REPORT, '38.87亿元', 1) });
    const text = (h!.contents as MarkupContent).value;
    assert.match(text, /Fact-check\*\*: ✅ verified — 与年报一致/);
    assert.match(text, /\(command:zhFigures\.markDisputed\?/);
    assert.match(text, /\(command:zhFigures\.removeMark\?/);
    const link = /\(command:zhFigures\.markDisputed\?([^)]+)\)/.exec(text)!;
    const args = JSON.parse(decodeURIComponent(link[1]));
    assert.strictEqual(args[0].uri, uri);
    assert.deepStrictEqual(args[0].position, positionOf(REPORT, '38.87亿元', 0));
    const other = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(REPORT, '2685起', 1) });
    assert.match((other!.contents as MarkupContent).value, /not checked yet/);
  });

  it('offers code actions to mark and to remove the mark', async () => {
    const at = positionOf(REPORT, '38.87亿元', 1);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: at, end: at },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Mark 38.87亿元 as disputed'), titles.join(' | '));
    assert.ok(titles.includes('Mark 38.87亿元 as needing a source'));
    assert.ok(!titles.includes('Mark 38.87亿元 as verified'), 'not the status it already has');
    const remove = actions.find((a) => a.title.startsWith('Remove the fact-check mark'))!;
    assert.strictEqual(remove.command!.command, 'zhFigures.removeMark');
    const none = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } },
      context: { diagnostics: [], only: ['source'] },
    })) as CodeAction[];
    assert.strictEqual(none.filter((a) => a.title.startsWith('Mark')).length, 0);
    // No light bulb on every figure while the cursor moves: only when asked (Ctrl+.).
    const automatic = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: at, end: at },
      context: { diagnostics: [], triggerKind: 2 },
    })) as CodeAction[];
    assert.strictEqual(automatic.filter((a) => a.title.startsWith('Mark')).length, 0);
  });

  it('puts the mark on the tree item', async () => {
    const r = await client.connection.sendRequest(FiguresRequest, { uri });
    const items = r.groups.flatMap((g) => g.items);
    const marked = items.filter((i) => i.annotation);
    assert.strictEqual(marked.length, 1);
    assert.strictEqual(marked[0].text, '38.87亿元');
    assert.strictEqual(marked[0].annotation!.status, 'verified');
  });

  it('follows the claim when lines are inserted above and when its paragraph moves', async () => {
    const lines = REPORT.split('\n');
    const edited = ['　　（编者按：本文有更新）', lines[0], lines[2], lines[1], ''].join('\n');
    await change(edited);
    const r = await client.connection.sendRequest(AnnotationsRequest, { uri });
    assert.strictEqual(r.version, version);
    assert.strictEqual(r.marks.length, 1);
    assert.strictEqual(r.marks[0].stale, false);
    assert.deepStrictEqual(r.marks[0].range!.start, positionOf(edited, '38.87亿元', 0));
  });

  it('marks made by another writer (the CLI, another window) are seen and kept', async () => {
    const store = new AnnotationsFile(dir);
    const text = REPORT;
    const claim = analyzeText(text).claims.find((c) => c.text === '2685起')!;
    store.update([{ op: 'set', annotation: markClaim(store.read().document, { file: 'reports/city.txt', text, claim, status: 'needs-source', now: new Date().toISOString() }) }]);
    const r = await client.connection.sendRequest(AnnotationsRequest, { uri });
    assert.deepStrictEqual(r.marks.map((m) => m.markedText).sort(), ['2685起', '38.87亿元']);
    // The server's next write merges with it instead of overwriting it.
    const current = await client.connection.sendRequest(AnnotationsRequest, { uri });
    const edited = (current.marks.find((m) => m.markedText === '38.87亿元')!.range!.start);
    const s = await client.connection.sendRequest(SetAnnotationRequest, { uri, position: edited, status: 'disputed' });
    assert.strictEqual(s.error, null);
    assert.strictEqual(s.annotation!.note, '与年报一致', 'an omitted note keeps the old one');
    const stored = JSON.parse(fs.readFileSync(storePath(), 'utf8'));
    assert.deepStrictEqual(stored.annotations.map((a: { claim: string; status: string }) => `${a.claim}:${a.status}`).sort(), ['2685起:needs-source', '38.87亿元:disputed']);
  });

  it('a changed claim makes its mark stale, shown for review, never dropped', async () => {
    const before = await client.connection.sendRequest(AnnotationsRequest, { uri });
    const edited = current.replace('38.87亿元', '39.12亿元');
    await change(edited);
    const r = await client.connection.sendRequest(AnnotationsRequest, { uri });
    assert.strictEqual(r.marks.length, before.marks.length);
    const stale = r.marks.find((m) => m.markedText === '38.87亿元')!;
    assert.strictEqual(stale.stale, true);
    assert.strictEqual(stale.currentText, '39.12亿元');
    assert.deepStrictEqual(stale.range!.start, positionOf(edited, '39.12亿元', 0));
    assert.strictEqual(r.counts.stale, 1);
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(edited, '39.12亿元', 1) });
    assert.match((h!.contents as MarkupContent).value, /stale: marked ❌ disputed when it read “38\.87亿元”/);

    // Deleting its paragraph: still listed (unplaced), and in the tree's stale marks.
    const gone = edited.split('\n').filter((l) => !l.includes('39.12亿元')).join('\n');
    await change(gone);
    const g = await client.connection.sendRequest(AnnotationsRequest, { uri });
    assert.strictEqual(g.marks.length, before.marks.length);
    assert.ok(g.marks.filter((m) => m.stale).every((m) => m.range === null));
    const tree = await client.connection.sendRequest(FiguresRequest, { uri });
    assert.deepStrictEqual(tree.staleMarks!.map((m) => m.markedText).sort(), ['2685起', '38.87亿元']);

    // Marking the new claim again re-anchors the same mark (same id) to its new text.
    await change(edited);
    const again = await client.connection.sendRequest(SetAnnotationRequest, { uri, position: positionOf(edited, '39.12亿元', 1), status: 'verified', note: '', source: '' });
    assert.strictEqual(again.annotation!.id, stale.id);
    assert.strictEqual(again.annotation!.stale, false);
    const stored = JSON.parse(fs.readFileSync(storePath(), 'utf8'));
    assert.ok(stored.annotations.some((a: { id: string; claim: string }) => a.id === stale.id && a.claim === '39.12亿元'));
  });

  it('removes a mark by id', async () => {
    const r = await client.connection.sendRequest(AnnotationsRequest, { uri });
    const target = r.marks.find((m) => m.markedText === '2685起')!;
    const removed = await client.connection.sendRequest(RemoveAnnotationRequest, { uri, id: target.id });
    assert.deepStrictEqual(removed, { removed: true, error: null });
    const stored = JSON.parse(fs.readFileSync(storePath(), 'utf8'));
    assert.ok(!stored.annotations.some((a: { id: string }) => a.id === target.id));
    assert.deepStrictEqual(await client.connection.sendRequest(RemoveAnnotationRequest, { uri, id: target.id }), { removed: false, error: null });
  });

  it('exports the fact-check report of a file as the CLI formats it', async () => {
    const json = await client.connection.sendRequest(FactCheckReportRequest, { uris: [uri], format: 'json' });
    assert.strictEqual(json.files, 1);
    const j = JSON.parse(json.content);
    const [f] = j.files;
    assert.strictEqual(f.claims.length, json.claims);
    const verified = f.claims.filter((c: { status: string }) => c.status === 'verified');
    assert.deepStrictEqual(verified.map((c: { text: string }) => c.text), ['39.12亿元']);
    assert.strictEqual(json.marks, 1);
    const md = await client.connection.sendRequest(FactCheckReportRequest, { uris: [uri], format: 'md' });
    assert.ok(md.content.startsWith('# Fact-check report'));
    assert.match(md.content, /\| 39\.12亿元 \| 3,912,000,000 元 \|/);
    const csv = await client.connection.sendRequest(FactCheckReportRequest, { uris: [uri], format: 'csv' });
    assert.ok(csv.content.startsWith('\uFEFFtype,path,'));
  });

  it('a corrupt store is reported, and backed up before the next mark replaces it', async () => {
    fs.writeFileSync(storePath(), '<<<<<<< HEAD\n{"version": 1,\n');
    const r = await client.connection.sendRequest(AnnotationsRequest, { uri });
    assert.match(r.error ?? '', /not valid JSON/);
    assert.deepStrictEqual(r.marks, []);
    await client.waitFor(() => client.messages.find((m) => /cannot be read/.test(m.message)));
    assert.strictEqual(fs.readFileSync(storePath(), 'utf8'), '<<<<<<< HEAD\n{"version": 1,\n', 'reading leaves it alone');

    const s = await client.connection.sendRequest(SetAnnotationRequest, { uri, position: positionOf(current, '2685起', 1), status: 'verified', note: '', source: '' });
    assert.strictEqual(s.error, null);
    assert.ok(s.backup && fs.readFileSync(s.backup, 'utf8').startsWith('<<<<<<< HEAD'));
    await client.waitFor(() => client.messages.find((m) => /was corrupt/.test(m.message)));
    assert.strictEqual(JSON.parse(fs.readFileSync(storePath(), 'utf8')).annotations.length, 1);
  });

  it('an unsaved (untitled) document cannot be marked, and says why', async () => {
    const untitled = 'untitled:Untitled-1';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: untitled, languageId: 'plaintext', version: 1, text: REPORT } });
    const r = await client.connection.sendRequest(SetAnnotationRequest, { uri: untitled, position: positionOf(REPORT, '2685起'), status: 'verified' });
    assert.strictEqual(r.annotation, null);
    assert.match(r.error ?? '', /Save the document first/);
  });
});
