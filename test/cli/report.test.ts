// `zh-figures report` on the seed reports, as users run it (the built CLI): every claim with its
// value and verdict, stale marks after an edit, open findings; Markdown, CSV and JSON.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnnotationsFile } from '../../server/src/annotations-store';
import { analyzeText } from '../../server/src/core/analyze';
import { markClaim, type AnnotationStatus } from '../../server/src/core/annotations';
import type { Claim } from '../../server/src/core/types';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'zh-figures.js');
const SEEDS = path.join(ROOT, 'seeds');

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, 'report', ...args], { cwd, env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** CSV rows (quoted cells with commas and quotes handled). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      (row = []), (cell = ''), i++;
    } else cell += ch;
  }
  return rows;
}

describe('zh-figures report (built CLI)', function () {
  this.timeout(120000);
  let dir: string;
  let seedFiles: string[];
  /** The marks made, by file: [claim text, status, note, source]. */
  const made: Array<{ file: string; claim: Claim; status: AnnotationStatus; note: string; source: string }> = [];
  let changed: { file: string; before: string; after: string };

  before(() => {
    if (!fs.existsSync(path.join(ROOT, 'server', 'out', 'cli.js'))) {
      const b = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle.js')], { cwd: ROOT, encoding: 'utf8' });
      assert.strictEqual(b.status, 0, b.stderr);
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-figures-report-'));
    fs.mkdirSync(path.join(dir, 'reports'));
    seedFiles = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
    assert.ok(seedFiles.length >= 2);
    const store = new AnnotationsFile(dir);
    const statuses: AnnotationStatus[] = ['verified', 'disputed', 'needs-source'];
    for (const name of seedFiles) {
      const text = fs.readFileSync(path.join(SEEDS, name), 'utf8');
      fs.writeFileSync(path.join(dir, 'reports', name), text);
      const claims = analyzeText(text).claims;
      // Three claims with text found once, amounts rather than dates: the verdicts of a desk.
      const once = claims.filter((c) => c.value !== null && claims.filter((d) => d.text === c.text).length === 1 && /\d/.test(c.text)).slice(0, 3);
      assert.strictEqual(once.length, 3, `${name} has few figures`);
      once.forEach((claim, i) => {
        const note = i === 1 ? '与原文不符，见第2页, "年报"' : '';
        const source = i === 0 ? 'https://example.org/report.pdf' : '';
        const rel = `reports/${name}`;
        const ann = markClaim(store.read().document, { file: rel, text, claim, status: statuses[i], note, source, now: '2026-11-23T10:00:00.000Z' });
        store.update([{ op: 'set', annotation: ann }]);
        made.push({ file: rel, claim, status: statuses[i], note, source });
      });
    }
    // Edit the first report: a paragraph inserted at the top, the second marked claim changed.
    const first = path.join(dir, 'reports', seedFiles[0]);
    const target = made.find((m) => m.file === `reports/${seedFiles[0]}` && m.status === 'disputed')!;
    let text = fs.readFileSync(first, 'utf8');
    const newText = target.claim.text.replace(/\d/, (d) => String((Number(d) + 1) % 10));
    text = text.slice(0, target.claim.start) + newText + text.slice(target.claim.end);
    fs.writeFileSync(first, '　　编者按：本文有更新。\n' + text);
    changed = { file: `reports/${seedFiles[0]}`, before: target.claim.text, after: newText };
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--format json: every claim with value and verdict, stale marks, open findings', () => {
    const r = run(['--format', 'json', 'reports'], dir);
    assert.strictEqual(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.strictEqual(j.version, 1);
    assert.deepStrictEqual(j.files.map((f: { path: string }) => path.basename(f.path)), seedFiles);
    for (const f of j.files) {
      const rel = `reports/${path.basename(f.path)}`;
      const text = fs.readFileSync(path.join(dir, rel), 'utf8');
      assert.strictEqual(f.annotations, path.join(dir, '.zh-figures', 'annotations.json'));
      assert.strictEqual(f.claims.length, analyzeText(text).claims.length, 'every claim is listed');
      for (const c of f.claims) assert.strictEqual(text.slice(c.start, c.end), c.text);
      for (const m of made.filter((x) => x.file === rel)) {
        const isChanged = rel === changed.file && m.claim.text === changed.before;
        if (isChanged) continue;
        const listed = f.claims.find((c: { text: string }) => c.text === m.claim.text);
        assert.ok(listed, `${m.claim.text} is listed`);
        assert.deepStrictEqual([listed.status, listed.stale, listed.note, listed.source], [m.status, false, m.note, m.source]);
        assert.strictEqual(listed.value, m.claim.value);
      }
      const marked = f.claims.filter((c: { status: string }) => c.status !== 'unmarked').length;
      if (rel === changed.file) {
        assert.strictEqual(f.staleMarks.length, 1);
        assert.strictEqual(f.staleMarks[0].claim, changed.before);
        assert.strictEqual(f.staleMarks[0].status, 'disputed');
        assert.ok(f.staleMarks[0].currentText.includes(changed.after) || changed.after.includes(f.staleMarks[0].currentText));
        assert.strictEqual(f.summary.stale, 1);
        assert.strictEqual(f.summary.verified + f.summary.disputed + f.summary.needsSource, 2);
      } else {
        assert.strictEqual(f.staleMarks.length, 0);
        assert.strictEqual(marked, 3);
        assert.deepStrictEqual([f.summary.verified, f.summary.disputed, f.summary.needsSource], [1, 1, 1]);
      }
      assert.strictEqual(f.summary.claims, f.claims.length);
      assert.strictEqual(f.summary.findings, f.findings.length);
    }
  });

  it('the open findings are those of `zh-figures check`', () => {
    const report = JSON.parse(run(['--json', 'reports'], dir).out);
    const check = JSON.parse(spawnSync(process.execPath, [BIN, 'check', '--json', 'reports'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C' } }).stdout);
    for (let i = 0; i < report.files.length; i++) {
      const a = report.files[i].findings.map((f: { code: string; start: number }) => `${f.code}@${f.start}`);
      const b = check.files[i].diagnostics.map((f: { code: string; start: number }) => `${f.code}@${f.start}`);
      assert.deepStrictEqual(a, b);
    }
  });

  it('default Markdown: a table per file with status, note and source, stale marks and findings', () => {
    const r = run(['reports'], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.ok(r.out.startsWith('# Fact-check report\n'));
    for (const name of seedFiles) assert.ok(r.out.includes(`## ${path.join('reports', name)}`));
    assert.match(r.out, /\| Line \| Claim \| Value \| Subject \| Status \| Note \| Source \| Problems \|/);
    const row = r.out.split('\n').find((l) => l.includes('<https://example.org/report.pdf>'));
    assert.ok(row && row.includes('✅ verified'), row);
    assert.ok(r.out.includes('与原文不符，见第2页, "年报"'));
    assert.match(r.out, /### Stale marks/);
    const staleRow = r.out.split('\n').find((l) => l.startsWith(`| ${changed.before} |`));
    assert.ok(staleRow && staleRow.includes('❌ disputed'), staleRow);
    const zh = run(['--lang', 'zh', 'reports'], dir);
    assert.ok(zh.out.startsWith('# 核查报告\n'));
    assert.ok(zh.out.includes('✅ 已核实'));
  });

  it('--format csv: one table, a row per claim, stale mark and finding, for spreadsheets', () => {
    const r = run(['--format', 'csv', 'reports'], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.ok(r.out.startsWith('\uFEFFtype,path,line,column,text,'));
    const rows = parseCsv(r.out);
    const head = rows[0];
    const col = (name: string) => head.indexOf(name);
    const json = JSON.parse(run(['--json', 'reports'], dir).out);
    const total = (k: string) => json.files.reduce((n: number, f: Record<string, unknown[]>) => n + f[k].length, 0);
    assert.strictEqual(rows.filter((r) => r[0] === 'claim').length, total('claims'));
    assert.strictEqual(rows.filter((r) => r[0] === 'stale-mark').length, total('staleMarks'));
    assert.strictEqual(rows.filter((r) => r[0] === 'finding').length, total('findings'));
    const noted = rows.find((r) => r[col('note')] === '与原文不符，见第2页, "年报"');
    assert.ok(noted, 'a note with a comma and quotes survives CSV quoting');
    assert.ok(rows.every((r) => r.length === head.length));
  });

  it('a corrupt annotations file is reported (exit 2) and left untouched', () => {
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zh-figures-report-bad-')));
    try {
      fs.mkdirSync(path.join(broken, '.zh-figures'));
      fs.writeFileSync(path.join(broken, '.zh-figures', 'annotations.json'), '{ not json');
      fs.copyFileSync(path.join(SEEDS, seedFiles[0]), path.join(broken, 'a.txt'));
      const r = run(['--json', 'a.txt'], broken);
      assert.strictEqual(r.code, 2);
      assert.match(r.err, /annotations file is corrupt/);
      const j = JSON.parse(r.out);
      assert.ok(j.files[0].claims.every((c: { status: string }) => c.status === 'unmarked'));
      assert.strictEqual(fs.readFileSync(path.join(broken, '.zh-figures', 'annotations.json'), 'utf8'), '{ not json');
      assert.deepStrictEqual(fs.readdirSync(path.join(broken, '.zh-figures')), ['annotations.json']);
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
    }
  });

  it('usage errors exit 2', () => {
    assert.strictEqual(run(['--format', 'sarif', 'reports'], dir).code, 2);
    assert.strictEqual(run([], dir).code, 2);
  });
});
