// The store: a diff-friendly document (sorted, fixed field order, stable ids), strict parsing,
// merge by id for concurrent writers (two windows, the CLI), atomic writes, and corrupt files
// backed up and reported rather than overwritten.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnnotationsFile, findAnnotationsRoot } from '../../server/src/annotations-store';
import {
  applyOps,
  emptyDocument,
  mergeDocuments,
  parseAnnotations,
  serializeAnnotations,
  type Annotation,
  type AnnotationsDocument,
} from '../../server/src/core/annotations';

const ROOT = path.resolve(__dirname, '../../..');

function ann(id: string, over: Partial<Annotation> = {}): Annotation {
  return {
    id,
    file: 'reports/a.txt',
    claim: '超64万项',
    before: '知识产权权利',
    after: '，品牌权利人',
    line: 1,
    status: 'verified',
    note: '',
    source: '',
    created: '2026-11-23T10:00:00.000Z',
    updated: '2026-11-23T10:00:00.000Z',
    ...over,
  };
}

function doc(...annotations: Annotation[]): AnnotationsDocument {
  return { version: 1, annotations };
}

describe('annotations: the store document', () => {
  it('serializes sorted by file, line and id, with a fixed field order and a final newline', () => {
    const text = serializeAnnotations(doc(ann('m-b', { file: 'z.txt' }), ann('m-c', { line: 9 }), ann('m-a', { line: 9 }), ann('m-d', { line: 2 })));
    const parsed = JSON.parse(text);
    assert.deepStrictEqual(parsed.annotations.map((a: Annotation) => a.id), ['m-d', 'm-a', 'm-c', 'm-b']);
    assert.deepStrictEqual(Object.keys(parsed.annotations[0]), ['id', 'file', 'claim', 'before', 'after', 'line', 'status', 'note', 'source', 'created', 'updated']);
    assert.ok(text.endsWith('}\n'));
    assert.ok(text.includes('\n    {\n      "id": "m-d",\n'), 'one field per line (diff-friendly)');
    assert.ok(text.includes('超64万项'), 'Chinese text stays readable, not \\u-escaped');
  });

  it('round-trips: parse(serialize(x)) serializes to the same text', () => {
    const text = serializeAnnotations(doc(ann('m-1', { note: '与年报第3页一致', source: 'https://example.org/r.pdf' }), ann('m-2', { status: 'disputed' })));
    const p = parseAnnotations(text);
    assert.ok(p.ok);
    assert.strictEqual(serializeAnnotations(p.document), text);
  });

  it('an empty file is an empty store; a BOM is accepted; note and source may be left out by hand', () => {
    assert.deepStrictEqual(parseAnnotations(''), { ok: true, document: emptyDocument() });
    const { note: _n, source: _s, ...bare } = ann('m-1');
    const p = parseAnnotations('\uFEFF' + JSON.stringify({ version: 1, annotations: [bare] }));
    assert.ok(p.ok);
    assert.strictEqual(p.document.annotations[0].note, '');
  });

  it('refuses what it did not write: bad JSON, git conflict markers, wrong version, bad status, duplicate ids', () => {
    const good = serializeAnnotations(doc(ann('m-1')));
    const cases: Array<[string, RegExp]> = [
      ['{"version":1,"annotations":[', /not valid JSON/],
      [`<<<<<<< HEAD\n${good}=======\n${good}>>>>>>> other\n`, /not valid JSON/],
      [JSON.stringify({ version: 2, annotations: [] }), /version/],
      [JSON.stringify({ version: 1, annotations: [ann('m-1', { status: 'ok' as never })] }), /status/],
      [JSON.stringify({ version: 1, annotations: [ann('m-1'), ann('m-1')] }), /duplicate id/],
      [JSON.stringify({ version: 1, annotations: [{ ...ann('m-1'), claim: 5 }] }), /claim must be a string/],
      [JSON.stringify([]), /object/],
    ];
    for (const [text, message] of cases) {
      const p = parseAnnotations(text);
      assert.ok(!p.ok, text.slice(0, 40));
      assert.match(p.error, message);
    }
  });
});

describe('annotations: merging concurrent writers by id', () => {
  const base = doc(ann('m-1'), ann('m-2', { status: 'disputed' }));

  it('keeps marks each side added and each side changed', () => {
    const mine = doc(ann('m-1', { status: 'needs-source', updated: '2026-11-23T11:00:00.000Z' }), ann('m-2', { status: 'disputed' }), ann('m-3', { line: 5 }));
    const theirs = doc(ann('m-1'), ann('m-2', { status: 'verified', updated: '2026-11-23T11:01:00.000Z' }), ann('m-4', { line: 7 }));
    const merged = mergeDocuments(base, mine, theirs, '2026-11-23T11:02:00.000Z');
    const by = new Map(merged.annotations.map((a) => [a.id, a.status]));
    assert.deepStrictEqual([...by.entries()].sort(), [
      ['m-1', 'needs-source'],
      ['m-2', 'verified'],
      ['m-3', 'verified'],
      ['m-4', 'verified'],
    ]);
  });

  it('when both changed the same mark, the later change wins, whichever writes last', () => {
    const early = ann('m-1', { status: 'disputed', updated: '2026-11-23T11:00:00.000Z' });
    const late = ann('m-1', { status: 'needs-source', updated: '2026-11-23T11:05:00.000Z' });
    assert.strictEqual(applyOps(doc(late), [{ op: 'set', annotation: early }]).annotations[0].status, 'needs-source');
    assert.strictEqual(applyOps(doc(early), [{ op: 'set', annotation: late }]).annotations[0].status, 'needs-source');
  });

  it('a removal does not resurrect, and does not remove a mark changed elsewhere after it', () => {
    const mine = doc(ann('m-2', { status: 'disputed' })); // I removed m-1
    const theirs = doc(ann('m-1'), ann('m-2', { status: 'disputed' }));
    assert.deepStrictEqual(mergeDocuments(base, mine, theirs, '2026-11-23T11:00:00.000Z').annotations.map((a) => a.id), ['m-2']);
    const changedLater = doc(ann('m-1', { note: 'checked again', updated: '2026-11-23T12:00:00.000Z' }), ann('m-2', { status: 'disputed' }));
    assert.deepStrictEqual(mergeDocuments(base, mine, changedLater, '2026-11-23T11:00:00.000Z').annotations.map((a) => a.id), ['m-1', 'm-2']);
  });
});

describe('annotations: the store file', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-figures-ann-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates .zh-figures/annotations.json, relative paths with /, and no temporary files left', () => {
    const store = new AnnotationsFile(dir);
    assert.strictEqual(store.read().exists, false);
    assert.strictEqual(store.relative(path.join(dir, 'sub', 'a.txt')), 'sub/a.txt');
    assert.strictEqual(store.relative(path.join(os.tmpdir(), 'elsewhere.txt')), null);
    store.update([{ op: 'set', annotation: ann('m-1') }]);
    assert.ok(fs.existsSync(path.join(dir, '.zh-figures', 'annotations.json')));
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, '.zh-figures')), ['annotations.json']);
    assert.strictEqual(findAnnotationsRoot(path.join(dir, 'sub', 'deeper')), dir);
  });

  it('two writers (two windows) each replay only their own changes on what is on disk', () => {
    const a = new AnnotationsFile(dir);
    const b = new AnnotationsFile(dir);
    a.update([{ op: 'set', annotation: ann('m-1') }]);
    // b read before a's second write, then writes its own mark: a's marks survive.
    a.update([{ op: 'set', annotation: ann('m-2', { line: 3 }) }]);
    b.update([{ op: 'set', annotation: ann('m-3', { line: 4 }) }]);
    a.update([{ op: 'remove', id: 'm-1', at: '2026-11-23T11:00:00.000Z' }]);
    assert.deepStrictEqual(a.read().document.annotations.map((x) => x.id), ['m-2', 'm-3']);
  });

  it('processes writing at the same time lose no mark (lock + atomic rename)', async () => {
    const storeModule = path.join(ROOT, 'out', 'server', 'src', 'annotations-store.js');
    const writer = (n: number) => `
      const { AnnotationsFile } = require(${JSON.stringify(storeModule)});
      const s = new AnnotationsFile(${JSON.stringify(dir)});
      for (let i = 0; i < 15; i++) {
        const id = 'm-w${n}-' + i;
        s.update([{ op: 'set', annotation: { id, file: 'a.txt', claim: '98%', before: '', after: '', line: i, status: 'verified', note: '', source: '', created: 'x', updated: 'x' } }]);
      }`;
    const run = (n: number) =>
      new Promise<number>((resolve, reject) => {
        const p = spawn(process.execPath, ['-e', writer(n)], { stdio: 'inherit' });
        p.on('error', reject);
        p.on('exit', (code) => resolve(code ?? -1));
      });
    const codes = await Promise.all([run(1), run(2), run(3)]);
    assert.deepStrictEqual(codes, [0, 0, 0]);
    const read = new AnnotationsFile(dir).read();
    assert.strictEqual(read.error, undefined);
    assert.strictEqual(read.document.annotations.length, 45);
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, '.zh-figures')), ['annotations.json']);
  });

  it('a corrupt file is reported on read, backed up before a write, never overwritten blindly', () => {
    const store = new AnnotationsFile(dir);
    fs.mkdirSync(store.dir, { recursive: true });
    const broken = '{"version":1,"annotations":[{"id":"m-1", <<<<<<< HEAD';
    fs.writeFileSync(store.path, broken);
    const read = store.read();
    assert.match(read.error ?? '', /not valid JSON/);
    assert.deepStrictEqual(read.document.annotations, []);
    assert.strictEqual(fs.readFileSync(store.path, 'utf8'), broken, 'reading does not touch it');

    const written = store.update([{ op: 'set', annotation: ann('m-9') }]);
    assert.ok(written.backup, 'the write says where the old file went');
    assert.match(path.basename(written.backup!), /^annotations\.json\.corrupt-\d{8}T\d{6}Z/);
    assert.strictEqual(fs.readFileSync(written.backup!, 'utf8'), broken, 'the backup holds the corrupt bytes');
    assert.match(written.corruption ?? '', /not valid JSON/);
    assert.deepStrictEqual(store.read().document.annotations.map((a) => a.id), ['m-9']);

    // A second corruption in the same second gets its own backup, not overwriting the first.
    fs.writeFileSync(store.path, 'garbage');
    const again = store.update([{ op: 'set', annotation: ann('m-10') }]);
    assert.notStrictEqual(again.backup, written.backup);
    assert.strictEqual(fs.readFileSync(written.backup!, 'utf8'), broken);
  });

  it('a lock left by a crashed writer is broken after a while', () => {
    const store = new AnnotationsFile(dir);
    fs.mkdirSync(store.dir, { recursive: true });
    fs.writeFileSync(store.path + '.lock', '99999');
    const old = new Date(Date.now() - 60000);
    fs.utimesSync(store.path + '.lock', old, old);
    store.update([{ op: 'set', annotation: ann('m-1') }]);
    assert.strictEqual(store.read().document.annotations.length, 1);
    assert.ok(!fs.existsSync(store.path + '.lock'));
  });
});
