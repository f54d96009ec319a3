// The CLI as users and the held-out evaluation call it: the built bin, in a child process.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { decodeReport } from '../../server/src/cli/read-report';

const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'bin', 'zh-figures.js');

function run(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('zh-figures extract', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhf-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the contract JSON for the seeds folder', () => {
    const r = run(['extract', '--json', 'seeds/']);
    assert.strictEqual(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.strictEqual(json.version, 1);
    assert.deepStrictEqual(json.files.map((f: { path: string }) => path.basename(f.path)), [
      'alibaba-ip-protection-2021.txt', 'douyin-ip-protection-2022.txt',
    ]);
    const claim = json.files[0].claims.find((c: { text: string }) => c.text === '超64万项');
    assert.deepStrictEqual(Object.keys(claim), ['text', 'start', 'end', 'line', 'character', 'kind', 'value', 'upper', 'unit', 'qualifier', 'date', 'subject']);
    assert.strictEqual(claim.value, 640000);
    assert.strictEqual(claim.qualifier, 'over');
    const text = fs.readFileSync(path.join(root, json.files[0].path), 'utf8');
    assert.strictEqual(text.slice(claim.start, claim.end), '超64万项');
    assert.ok(json.files[0].entities.some((e: { type: string }) => e.type === 'work'));
  });

  it('resolves relative dates against --base-date', () => {
    const f = path.join(dir, 'a.txt');
    fs.writeFileSync(f, '截止去年底，累计超64万项。');
    const json = JSON.parse(run(['extract', '--json', '--base-date', '2022-03-31', f]).out);
    assert.strictEqual(json.files[0].claims[0].date, '2021-12-31');
  });

  it('prints a readable table without --json', () => {
    const r = run(['extract', 'seeds/douyin-ip-protection-2022.txt']);
    assert.strictEqual(r.code, 0);
    assert.match(r.out, /超1\.4万个\s+count\s+14000\s+个\s+over/);
  });

  it('reads GB18030, UTF-8 with BOM and CRLF files', () => {
    const gbk = path.join(dir, 'gbk.txt');
    // "涉案金额达38.87亿元" in GB18030
    fs.writeFileSync(gbk, Buffer.from('c9e6b0b8bdf0b6eeb4ef33382e3837d2dad4aa', 'hex'));
    const bom = path.join(dir, 'bom.md');
    fs.writeFileSync(bom, '\uFEFF第一行\r\n超64万项\r\n');
    const json = JSON.parse(run(['extract', '--json', gbk, bom]).out);
    assert.strictEqual(json.files[0].claims[0].value, 3887000000);
    assert.strictEqual(json.files[1].claims[0].line, 1);
    assert.strictEqual(json.files[1].claims[0].character, 0);
  });

  it('reports unreadable input on stderr, processes the rest and exits 2', () => {
    const bin1 = path.join(dir, 'bin.txt');
    fs.writeFileSync(bin1, Buffer.from([0, 1, 2, 3, 0, 255]));
    const ok = path.join(dir, 'ok.txt');
    fs.writeFileSync(ok, '超64万项');
    const r = run(['extract', '--json', path.join(dir, 'missing.txt'), bin1, ok]);
    assert.strictEqual(r.code, 2);
    const lines = r.err.trim().split('\n');
    assert.strictEqual(lines.length, 2);
    assert.match(lines[0], /missing\.txt: no such file or directory/);
    assert.match(lines[1], /bin\.txt: binary file/);
    assert.strictEqual(JSON.parse(r.out).files.length, 1);
  });

  it('exits 2 with usage on bad arguments', () => {
    assert.strictEqual(run(['extract']).code, 2);
    assert.strictEqual(run(['extract', '--base-date', 'yesterday', 'seeds']).code, 2);
    assert.strictEqual(run(['frobnicate']).code, 2);
  });

  it('decodes bytes the way reports arrive', () => {
    const gb = decodeReport(Buffer.from('b3acc1f9caaecdf2cfee', 'hex')); // 超六十万项
    assert.ok(gb.ok && gb.text === '超六十万项' && gb.encoding === 'gb18030');
    const u16 = decodeReport(Buffer.from('\uFEFF超64万项', 'utf16le'));
    assert.ok(u16.ok && u16.text === '超64万项');
  });
});
