// Security properties: nothing from a workspace is executed or require'd, the server makes no
// network connection and starts no process, a user dictionary named by `.zh-figures.json` stays
// inside the workspace, and package.json declares what is restricted in untrusted workspaces.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { insideFolders, UserDictionaries } from '../../server/src/lsp/user-dictionary';
import { ROOT, SERVER } from './lsp-client';

/** Preloaded into the server: records every process start, connection, lookup and module load. */
const GUARD = `
const fs = require('fs');
const Module = require('module');
const log = process.env.ZHF_GUARD_LOG;
const record = (what) => fs.appendFileSync(log, what + '\\n');
const cp = require('child_process');
for (const k of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  const orig = cp[k];
  cp[k] = function (...a) { record('child_process.' + k + ' ' + String(a[0])); return orig.apply(this, a); };
}
const net = require('net');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...a) { record('net.connect ' + JSON.stringify(a[0])); return connect.apply(this, a); };
for (const m of ['http', 'https']) {
  const mod = require(m);
  for (const k of ['request', 'get']) { const o = mod[k]; mod[k] = function (...a) { record(m + '.' + k); return o.apply(this, a); }; }
}
const dns = require('dns');
for (const k of ['lookup', 'resolve']) { const o = dns[k]; dns[k] = function (...a) { record('dns.' + k + ' ' + a[0]); return o.apply(this, a); }; }
if (typeof globalThis.fetch === 'function') { const f = globalThis.fetch; globalThis.fetch = function (...a) { record('fetch ' + String(a[0])); return f.apply(this, a); }; }
const load = Module._load;
Module._load = function (request, parent, isMain) {
  try { record('require ' + Module._resolveFilename(request, parent, isMain)); } catch { record('require ' + request); }
  return load.apply(this, arguments);
};
`;

const REPORT = '　　据悉，鹏程星辉科技2022年营业收入为103.7亿元，同比增长25.6%。详见 http://example.com/report 与 require("child_process")。\n';

class GuardedServer {
  readonly connection: ProtocolConnection;
  readonly messages: string[] = [];
  readonly diagnostics = new Map<string, unknown[]>();
  private readonly proc;

  constructor(guard: string, log: string) {
    this.proc = spawn(process.execPath, ['--require', guard, SERVER, '--stdio'], { cwd: ROOT, env: { ...process.env, ZHF_GUARD_LOG: log }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.connection = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.connection.onNotification('window/showMessage', (p: { message: string }) => this.messages.push(p.message));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => this.diagnostics.set(p.uri, p.diagnostics));
    this.connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
      this.messages.push(p.message);
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async until<T>(probe: () => T | undefined | false, ms = 15000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = probe();
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out; messages: ${JSON.stringify(this.messages)}; diagnostics for: ${[...this.diagnostics.keys()].join(', ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // gone already
    }
    this.connection.dispose();
    this.proc.kill();
  }
}

describe('security', function () {
  this.timeout(60_000);
  let tmp: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-figures-security-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('user dictionary confinement', () => {
    it('tells paths inside the workspace from paths that escape it, links resolved', () => {
      const ws = path.join(tmp, 'confine-ws');
      fs.mkdirSync(path.join(ws, 'dicts'), { recursive: true });
      fs.writeFileSync(path.join(ws, 'dicts', 'names.txt'), '鹏程星辉科技 org\n');
      fs.writeFileSync(path.join(tmp, 'outside.txt'), '鹏程星辉科技 org\n');
      fs.symlinkSync(path.join(tmp, 'outside.txt'), path.join(ws, 'link-out.txt'));
      assert.ok(insideFolders(path.join(ws, 'dicts', 'names.txt'), [ws]));
      assert.ok(insideFolders(path.join(ws, 'dicts', '..', 'dicts', 'names.txt'), [ws]));
      assert.ok(!insideFolders(path.join(ws, '..', 'outside.txt'), [ws]));
      assert.ok(!insideFolders(path.join(tmp, 'outside.txt'), [ws]));
      assert.ok(!insideFolders(path.join(ws, 'link-out.txt'), [ws]), 'a symbolic link out of the workspace escapes it');
      assert.ok(!insideFolders('/etc/passwd', [ws]));
      assert.ok(!insideFolders(path.join(ws, 'dicts', 'names.txt'), []), 'no workspace: nothing is inside');
      const dicts = new UserDictionaries();
      assert.deepStrictEqual(dicts.load(path.join(ws, 'dicts', 'names.txt'), [ws]), [{ word: '鹏程星辉科技', type: 'org' }]);
      assert.throws(() => dicts.load(path.join(ws, 'link-out.txt'), [ws]), /outside the workspace/);
      // From the user's own settings (no confinement) any readable path is fine.
      assert.strictEqual(dicts.load(path.join(tmp, 'outside.txt')).length, 1);
    });

    it('refuses a FIFO or a directory as a dictionary instead of blocking', function () {
      const fifo = path.join(tmp, 'dict-fifo.txt');
      const r = require('child_process').spawnSync('mkfifo', [fifo]);
      if (r.status !== 0) this.skip();
      assert.throws(() => new UserDictionaries().load(fifo), /not a regular file/);
      assert.throws(() => new UserDictionaries().load(tmp), /not a regular file/);
    });
  });

  describe('package.json declarations', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
    const nlsZh = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));
    const props: Record<string, { type: string }> = pkg.contributes.configuration.properties;

    it('restricts in untrusted workspaces exactly the settings that name files or raise limits', () => {
      const untrusted = pkg.capabilities.untrustedWorkspaces;
      assert.strictEqual(untrusted.supported, 'limited');
      // A workspace may not point the extension at files outside it, nor lift the size limits
      // that keep a hostile workspace from stalling the server.
      const risky = Object.keys(props).filter((k) => (props[k].type === 'string' && /dictionary|path|file/i.test(k)) || /max/i.test(k)).sort();
      assert.deepStrictEqual([...untrusted.restrictedConfigurations].sort(), risky);
      for (const k of untrusted.restrictedConfigurations) assert.ok(props[k], `${k} is not a declared setting`);
      const key = String(untrusted.description).replace(/^%|%$/g, '');
      assert.ok(nls[key] && nlsZh[key], 'the untrusted-workspace description exists in English and Chinese');
    });

    it('declares virtual workspaces as limited: open documents only, no disk access there', () => {
      const v = pkg.capabilities.virtualWorkspaces;
      assert.strictEqual(v.supported, 'limited');
      const key = String(v.description).replace(/^%|%$/g, '');
      assert.ok(nls[key] && nlsZh[key]);
      // The client serves vscode-vfs documents, and the server reads disk only through file: URIs.
      assert.match(fs.readFileSync(path.join(ROOT, 'client', 'src', 'extension.ts'), 'utf8'), /'vscode-vfs'/);
    });
  });

  describe('source', () => {
    /** Every TypeScript file of the server and the client. */
    function sources(): Array<[string, string]> {
      const out: Array<[string, string]> = [];
      const walk = (d: string): void => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          const p = path.join(d, e.name);
          if (e.isDirectory()) walk(p);
          else if (e.name.endsWith('.ts')) out.push([path.relative(ROOT, p), fs.readFileSync(p, 'utf8')]);
        }
      };
      walk(path.join(ROOT, 'server', 'src'));
      walk(path.join(ROOT, 'client', 'src'));
      return out;
    }

    it('has no eval, no Function constructor, no dynamic require and no network or process module', () => {
      for (const [file, text] of sources()) {
        const code = text.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
        assert.ok(!/\beval\s*\(/.test(code), `${file}: eval`);
        assert.ok(!/\bnew\s+Function\s*\(/.test(code), `${file}: new Function`);
        for (const m of code.matchAll(/\brequire\s*\(([^)]*)\)/g)) {
          assert.match(m[1].trim(), /^'[^']+'$/, `${file}: require with a computed argument: ${m[0]}`);
        }
        assert.ok(!/\bimport\s*\(/.test(code), `${file}: dynamic import`);
        for (const mod of ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'vm', 'worker_threads']) {
          assert.ok(!new RegExp(`from '(node:)?${mod}'|require\\('(node:)?${mod}'\\)`).test(code), `${file}: imports ${mod}`);
        }
        // Only the client starts a process: the language server it ships.
        if (!file.startsWith('client')) assert.ok(!/child_process/.test(code), `${file}: child_process`);
      }
    });
  });

  describe('a hostile workspace over stdio', () => {
    it('executes nothing, connects nowhere and keeps the dictionary inside the workspace', async () => {
      const ws = path.join(tmp, 'hostile-ws');
      fs.mkdirSync(path.join(ws, 'node_modules', 'evil'), { recursive: true });
      const flag = path.join(tmp, 'executed');
      const payload = `require('fs').writeFileSync(${JSON.stringify(flag)}, 'x');\n`;
      fs.writeFileSync(path.join(ws, '.zh-figures.json'), JSON.stringify({ userDictionary: '../outside-dict.txt', rules: { 'missing-unit': 'off' } }));
      fs.writeFileSync(path.join(tmp, 'outside-dict.txt'), '鹏程星辉科技 org\n');
      fs.writeFileSync(path.join(ws, '.zh-figures.js'), payload);
      fs.writeFileSync(path.join(ws, 'node_modules', 'evil', 'index.js'), payload);
      fs.writeFileSync(path.join(ws, 'nodejieba.js'), payload);
      fs.writeFileSync(path.join(ws, 'report.txt'), REPORT);
      fs.writeFileSync(path.join(ws, 'payload.md'), '```js\n' + payload + '```\n' + REPORT);
      const guard = path.join(tmp, 'guard.js');
      const log = path.join(tmp, 'guard.log');
      fs.writeFileSync(guard, GUARD);
      fs.writeFileSync(log, '');

      const server = new GuardedServer(guard, log);
      try {
        const wsUri = pathToFileURL(ws).href;
        await server.connection.sendRequest('initialize', { processId: process.pid, rootUri: wsUri, workspaceFolders: [{ uri: wsUri, name: 'ws' }], capabilities: {}, locale: 'en' });
        await server.connection.sendNotification('initialized', {});
        const uri = pathToFileURL(path.join(ws, 'report.txt')).href;
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: REPORT } });
        await server.until(() => server.diagnostics.has(uri));
        await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 25 } });
        await server.connection.sendRequest('zhFigures/figures', { uri: pathToFileURL(path.join(ws, 'payload.md')).href });
        await server.connection.sendRequest('zhFigures/checkWorkspace', {});
        await server.connection.sendRequest('zhFigures/exportMetrics', { format: 'json' });
        const status = (await server.connection.sendRequest('zhFigures/status', { uri })) as { entities: number; figures: number };
        assert.ok(status.figures > 0, 'the report is analysed');
        assert.strictEqual(status.entities, 0, 'words of a dictionary outside the workspace are not used');
        await server.until(() => server.messages.find((m) => m.includes('outside-dict.txt') && m.includes('outside the workspace')));
      } finally {
        await server.stop();
      }
      assert.ok(!fs.existsSync(flag), 'workspace code was executed');
      const events = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
      const bad = events.filter((e) => !e.startsWith('require ') || e.includes(ws) || e.includes(tmp));
      assert.deepStrictEqual(bad, [], 'the server started a process, opened a connection or loaded workspace code');
    });

    it('uses a dictionary inside the workspace', async () => {
      const ws = path.join(tmp, 'friendly-ws');
      fs.mkdirSync(path.join(ws, 'dicts'), { recursive: true });
      fs.writeFileSync(path.join(ws, '.zh-figures.json'), JSON.stringify({ userDictionary: 'dicts/names.txt' }));
      fs.writeFileSync(path.join(ws, 'dicts', 'names.txt'), '鹏程星辉科技 org\n');
      const guard = path.join(tmp, 'guard.js');
      const log = path.join(tmp, 'guard-2.log');
      fs.writeFileSync(guard, GUARD);
      fs.writeFileSync(log, '');
      const server = new GuardedServer(guard, log);
      try {
        const wsUri = pathToFileURL(ws).href;
        await server.connection.sendRequest('initialize', { processId: process.pid, rootUri: wsUri, workspaceFolders: [{ uri: wsUri, name: 'ws' }], capabilities: {} });
        await server.connection.sendNotification('initialized', {});
        const uri = pathToFileURL(path.join(ws, 'report.txt')).href;
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: REPORT } });
        const status = (await server.connection.sendRequest('zhFigures/status', { uri })) as { entities: number };
        assert.ok(status.entities >= 1, 'the workspace dictionary is used');
      } finally {
        await server.stop();
      }
    });
  });
});
