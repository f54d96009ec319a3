// What the CLI does with input it cannot read: one clear line per path on stderr, exit 2, and
// every other path still processed. GBK/GB18030 files are decoded; a broken `.zh-figures.json`
// is named with line and column and defaults are used.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { collectReports, decodeReport, MAX_REPORT_BYTES } from '../../server/src/cli/read-report';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'zh-figures.js');

/** "公司营业收入为103.7亿元，同比增长25.6%。" encoded as GBK. */
const GBK = Buffer.from('b9abcbbed3aad2b5cad5c8ebceaa3130332e37d2dad4aaa3accdacb1c8d4f6b3a432352e3625a1a30a', 'hex');
/** "𠀀集团营业收入为103.7亿元。" as GB18030 (the first character needs its four-byte form). */
const GB18030 = Buffer.from('95328236bcafcdc5d3aad2b5cad5c8ebceaa3130332e37d2dad4aaa1a30a', 'hex');
const GOOD = '公司营业收入由2021年的86.4亿元增长到2022年的103.7亿元，同比增长25.6%。\n';

function cli(args: string[], opts: { cwd?: string; uid?: number; gid?: number } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, LANG: 'C', LC_ALL: '' },
    encoding: 'utf8',
    timeout: 30_000,
    uid: opts.uid,
    gid: opts.gid,
  });
  assert.ok(!r.error, `the CLI did not finish: ${r.error?.message}`);
  return { code: r.status, out: r.stdout, err: r.stderr, errLines: r.stderr.split('\n').filter((l) => l.trim()) };
}

describe('CLI robustness: unreadable input', function () {
  this.timeout(60_000);
  let dir: string;
  const p = (...parts: string[]): string => path.join(dir, ...parts);

  before(() => {
    assert.ok(fs.existsSync(path.join(ROOT, 'server', 'out', 'cli.js')), 'run `npm run compile` first');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-figures-robust-'));
    fs.mkdirSync(p('ws', 'sub'), { recursive: true });
    fs.writeFileSync(p('ws', 'good.txt'), GOOD);
    fs.writeFileSync(p('ws', 'gbk.txt'), GBK);
    fs.writeFileSync(p('ws', 'gb18030.txt'), GB18030);
    fs.writeFileSync(p('ws', 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    // Neither UTF-8 (C3 28 is a broken sequence) nor GB18030 (FF is no lead byte).
    fs.writeFileSync(p('ws', 'undecodable.txt'), Buffer.from([0x61, 0x62, 0xc3, 0x28, 0xff, 0xfe, 0x0a]));
    fs.symlinkSync('..', p('ws', 'sub', 'loop'));
    spawnSync('mkfifo', [p('ws', 'pipe.txt')]);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('decodes GBK and GB18030 files', () => {
    const gbk = decodeReport(GBK);
    assert.ok(gbk.ok && gbk.text.startsWith('公司营业收入为103.7亿元'), JSON.stringify(gbk));
    const gb = decodeReport(GB18030);
    assert.ok(gb.ok && gb.text.startsWith('𠀀集团营业收入'), JSON.stringify(gb));
    const r = cli(['extract', '--json', p('ws', 'gbk.txt'), p('ws', 'gb18030.txt')]);
    assert.strictEqual(r.code, 0, r.err);
    assert.ok(r.out.includes('103.7亿元'), r.out);
  });

  it('says one clear line per unreadable path, exits 2 and still processes the rest', () => {
    const missing = p('no-such-file.txt');
    for (const command of ['extract', 'check']) {
      const r = cli([command, '--json', p('ws'), missing, p('ws', 'pipe.txt')]);
      assert.strictEqual(r.code, 2, `${command}: ${r.err}`);
      const about = (name: string) => r.errLines.filter((l) => l.includes(name));
      assert.strictEqual(about('binary.txt').length, 1, r.err);
      assert.match(about('binary.txt')[0], /binary/);
      assert.strictEqual(about('undecodable.txt').length, 1, r.err);
      assert.match(about('undecodable.txt')[0], /undecodable|not valid/);
      assert.strictEqual(about('no-such-file.txt').length, 1, r.err);
      assert.match(about('no-such-file.txt')[0], /no such file/);
      assert.strictEqual(about('loop').length, 1, r.err);
      assert.match(about('loop')[0], /loop/);
      assert.strictEqual(about('pipe.txt').length, 1, r.err);
      assert.match(about('pipe.txt')[0], /not a regular file/);
      // The readable files were processed all the same.
      assert.ok(r.out.includes('good.txt'), `${command}: good.txt missing from the output`);
      if (command === 'check') assert.ok(r.out.includes('growth-mismatch'), r.out);
      else assert.ok(r.out.includes('gbk.txt'), r.out);
    }
  });

  it('refuses a file above the size limit with its size, and goes on', () => {
    const big = p('huge.txt');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, MAX_REPORT_BYTES + 1); // sparse: no disk space used
    try {
      const r = cli(['check', big, p('ws', 'good.txt')]);
      assert.strictEqual(r.code, 2);
      assert.match(r.err, /huge\.txt: file too large \(67,108,865 bytes; the limit is 64 MB\)/);
      assert.ok(r.out.includes('growth-mismatch'), 'the other file is still checked');
    } finally {
      fs.rmSync(big);
    }
  });

  it('refuses devices instead of reading forever', () => {
    const r = cli(['check', '/dev/zero', p('ws', 'good.txt')]);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /\/dev\/zero: not a regular file/);
  });

  it('says "permission denied" for a file it may not read', function () {
    // Root reads everything regardless of mode bits, so run the CLI as an unprivileged user.
    if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
      const secret = p('secret-user.txt');
      fs.writeFileSync(secret, GOOD, { mode: 0o000 });
      const r = cli(['check', secret, p('ws', 'good.txt')]);
      assert.strictEqual(r.code, 2);
      assert.match(r.err, /secret-user\.txt: permission denied/);
      return;
    }
    const open = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-figures-perm-'));
    try {
      fs.chmodSync(open, 0o755);
      const secret = path.join(open, 'secret.txt');
      const readable = path.join(open, 'readable.txt');
      fs.writeFileSync(secret, GOOD, { mode: 0o600 });
      fs.writeFileSync(readable, GOOD, { mode: 0o644 });
      const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(BIN)})`], { uid: 65534, gid: 65534, encoding: 'utf8' });
      if (probe.error || probe.status === null) this.skip(); // no unprivileged user to run as
      const r = cli(['check', secret, readable], { cwd: open, uid: 65534, gid: 65534 });
      assert.strictEqual(r.code, 2, r.err);
      assert.strictEqual(r.errLines.filter((l) => l.includes('secret.txt')).length, 1, r.err);
      assert.match(r.err, /secret\.txt: permission denied/);
      assert.ok(r.out.includes('readable.txt'), 'the readable file is still checked');
    } finally {
      fs.rmSync(open, { recursive: true, force: true });
    }
  });

  it('names a corrupt .zh-figures.json with line and column and uses the defaults', () => {
    const proj = p('project');
    fs.mkdirSync(proj, { recursive: true });
    fs.writeFileSync(path.join(proj, 'report.txt'), GOOD);
    fs.writeFileSync(path.join(proj, '.zh-figures.json'), '{\n  "rules": {\n    "growth-mismatch": "off",\n  }\n}\n');
    const r = cli(['check', path.join(proj, 'report.txt')], { cwd: proj });
    const lines = r.errLines.filter((l) => l.includes('.zh-figures.json'));
    assert.strictEqual(lines.length, 1, r.err);
    assert.match(lines[0], /\.zh-figures\.json:4:3: invalid JSON/);
    assert.match(lines[0], /default/);
    // Defaults: growth-mismatch is not turned off by the broken file.
    assert.ok(r.out.includes('growth-mismatch'), r.out);
  });

  it('never executes a config file: JavaScript in .zh-figures.json is just invalid JSON', () => {
    const proj = p('evil');
    fs.mkdirSync(proj, { recursive: true });
    const flag = path.join(proj, 'pwned');
    fs.writeFileSync(path.join(proj, 'report.txt'), GOOD);
    fs.writeFileSync(path.join(proj, '.zh-figures.json'), `module.exports = require('fs').writeFileSync(${JSON.stringify(flag)}, 'x')\n`);
    fs.writeFileSync(path.join(proj, '.zh-figures.js'), `require('fs').writeFileSync(${JSON.stringify(flag)}, 'x')\n`);
    const r = cli(['check', path.join(proj, 'report.txt')], { cwd: proj });
    assert.match(r.err, /\.zh-figures\.json:1:1: invalid JSON/);
    assert.ok(!fs.existsSync(flag), 'the config file was executed');
  });

  it('collectReports keeps going past every kind of failure', () => {
    const { files, errors } = collectReports([p('ws'), p('missing'), '/dev/null']);
    assert.deepStrictEqual(files.map((f) => path.basename(f.path)).sort(), ['gb18030.txt', 'gbk.txt', 'good.txt']);
    assert.strictEqual(errors.length, 5, errors.join('\n'));
  });
});
