// `zh-figures check` as users and CI run it: the built CLI (bin/zh-figures.js), exit codes,
// the JSON contract, SARIF 2.1.0, text output, locale, and `.zh-figures.json`.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'zh-figures.js');
const BAD = '公司营收从86.4亿元增长到103.7亿元，增长25.6%。\n';
const CLEAN = '公司营收从86.4亿元增长到103.7亿元，增长20.0%。\n';

function run(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const env = { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...opts.env };
  const r = spawnSync(process.execPath, [BIN, 'check', ...args], { cwd: opts.cwd ?? ROOT, env, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('zh-figures check (built CLI)', function () {
  this.timeout(60000);
  let dir: string;

  before(() => {
    if (!fs.existsSync(path.join(ROOT, 'server', 'out', 'cli.js'))) {
      const b = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle.js')], { cwd: ROOT, encoding: 'utf8' });
      assert.strictEqual(b.status, 0, b.stderr);
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-figures-check-'));
    fs.writeFileSync(path.join(dir, 'bad.txt'), BAD);
    fs.writeFileSync(path.join(dir, 'clean.txt'), CLEAN);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exit 0 and no output on a clean report', () => {
    const r = run([path.join(dir, 'clean.txt')]);
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(r.out, '');
  });

  it('text output: file:line:col: severity code message (1-based), exit 1', () => {
    const file = path.join(dir, 'bad.txt');
    const r = run([file]);
    assert.strictEqual(r.code, 1);
    assert.strictEqual(r.out.trim(), `${file}:1:25: error growth-mismatch 86.4亿元 → 103.7亿元 is +20.0%, not +25.6%`);
  });

  it('--json follows the contract: 0-based positions, related {path,start,end}', () => {
    const file = path.join(dir, 'bad.txt');
    const r = run(['--json', file, path.join(dir, 'clean.txt')]);
    assert.strictEqual(r.code, 1);
    const j = JSON.parse(r.out);
    assert.strictEqual(j.version, 1);
    assert.deepStrictEqual(j.files.map((f: { path: string }) => f.path), [file, path.join(dir, 'clean.txt')]);
    const [d] = j.files[0].diagnostics;
    assert.deepStrictEqual(Object.keys(d).sort(), ['character', 'code', 'end', 'line', 'message', 'related', 'severity', 'start'].sort());
    assert.deepStrictEqual([d.line, d.character, d.start, d.end, d.severity, d.code], [0, 24, 24, 29, 'error', 'growth-mismatch']);
    assert.deepStrictEqual(d.related, [
      { path: file, start: 5, end: 11 },
      { path: file, start: 14, end: 21 },
    ]);
    assert.deepStrictEqual(j.files[1].diagnostics, []);
  });

  it('messages in Chinese with LANG=zh_CN.UTF-8 or --lang zh', () => {
    const file = path.join(dir, 'bad.txt');
    assert.match(run([file], { env: { LANG: 'zh_CN.UTF-8' } }).out, /实际增长 20\.0%，而非增长25\.6%/);
    assert.match(run(['--lang', 'zh', file]).out, /实际增长 20\.0%/);
    assert.match(run(['--lang', 'en', file], { env: { LC_ALL: 'zh_CN.UTF-8' } }).out, /is \+20\.0%/);
  });

  it('--format sarif is SARIF 2.1.0 with rules, results, regions and fixes', () => {
    fs.writeFileSync(path.join(dir, 'pp.txt'), '投诉率从18.0%提高到21.0%，提高了3%。\n');
    const r = run(['--format', 'sarif', path.join(dir, 'bad.txt'), path.join(dir, 'pp.txt')]);
    assert.strictEqual(r.code, 1);
    const s = JSON.parse(r.out);
    assert.strictEqual(s.version, '2.1.0');
    assert.match(s.$schema, /sarif/);
    const run0 = s.runs[0];
    assert.strictEqual(run0.tool.driver.name, 'zh-figures');
    assert.strictEqual(run0.tool.driver.rules.length, 15);
    const rule = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'growth-mismatch');
    assert.strictEqual(rule.helpUri, 'https://github.com/zh-figures/zh-figures/blob/main/docs/rules.md#growth-mismatch');
    const growth = run0.results.find((x: { ruleId: string }) => x.ruleId === 'growth-mismatch');
    assert.strictEqual(growth.level, 'error');
    assert.deepStrictEqual(growth.locations[0].physicalLocation.region, { startLine: 1, startColumn: 25, endLine: 1, endColumn: 30, charOffset: 24, charLength: 5 });
    assert.strictEqual(growth.relatedLocations.length, 2);
    const pp = run0.results.find((x: { ruleId: string }) => x.ruleId === 'percent-point-confusion');
    assert.strictEqual(pp.level, 'warning');
    assert.strictEqual(pp.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '个百分点');
  });

  it('exit 2 on an unreadable path, one line on stderr, the rest still processed', () => {
    const missing = path.join(dir, 'missing.txt');
    const r = run(['--json', missing, path.join(dir, 'bad.txt')]);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.err.trim().split('\n').filter((l) => l.includes('missing.txt')).length, 1);
    assert.strictEqual(JSON.parse(r.out).files[0].diagnostics.length, 1);
  });

  it('exit 2 on usage errors', () => {
    assert.strictEqual(run([]).code, 2);
    assert.strictEqual(run(['--format', 'xml', path.join(dir, 'bad.txt')]).code, 2);
    assert.strictEqual(run(['--lang', 'fr', path.join(dir, 'bad.txt')]).code, 2);
  });

  it('hints alone exit 0', () => {
    fs.writeFileSync(path.join(dir, 'hint.txt'), '现场来了约300人左右。\n');
    const r = run(['--json', path.join(dir, 'hint.txt')]);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(JSON.parse(r.out).files[0].diagnostics[0].severity, 'hint');
  });

  it('reads .zh-figures.json from the nearest parent of each path; a broken one falls back to defaults', () => {
    const proj = path.join(dir, 'proj');
    fs.mkdirSync(path.join(proj, 'reports', 'drafts'), { recursive: true });
    fs.writeFileSync(path.join(proj, 'reports', 'r.txt'), BAD);
    fs.writeFileSync(path.join(proj, 'reports', 'drafts', 'd.txt'), BAD);
    fs.writeFileSync(path.join(proj, '.zh-figures.json'), JSON.stringify({ rules: { 'growth-mismatch': 'hint' }, ignore: ['reports/drafts/**'] }));
    let r = run(['--json', path.join(proj, 'reports')]);
    assert.strictEqual(r.code, 0, r.err);
    let j = JSON.parse(r.out);
    assert.deepStrictEqual(j.files.map((f: { path: string }) => path.basename(f.path)), ['r.txt']);
    assert.strictEqual(j.files[0].diagnostics[0].severity, 'hint');

    fs.writeFileSync(path.join(proj, '.zh-figures.json'), '{\n  "rules": {\n    "growth-mismatch": "off",\n  }\n}');
    r = run(['--json', path.join(proj, 'reports', 'r.txt')]);
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /\.zh-figures\.json:4:3: invalid JSON/);
    j = JSON.parse(r.out);
    assert.strictEqual(j.files[0].diagnostics[0].severity, 'error');
  });

  it('inline markers silence findings in the CLI too', () => {
    fs.writeFileSync(path.join(dir, 'silenced.md'), `# 报告\n\n${BAD.trim()} <!-- zh-figures-disable-line growth-mismatch -->\n`);
    const r = run([path.join(dir, 'silenced.md')]);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.out, '');
  });

  it('the seeds give no error or warning', () => {
    const r = run(['--json', 'seeds/']);
    assert.strictEqual(r.code, 0, r.out);
  });
});
