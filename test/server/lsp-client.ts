// A generic LSP client for the protocol tests: spawns the real bundled server
// (`node server/out/server.js --stdio`) and talks JSON-RPC to it, as any editor would.
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  ShowMessageNotification,
  ShowMessageRequest,
  LogMessageNotification,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(ROOT, 'server', 'out', 'server.js');

export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly proc: ChildProcess;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly messages: ShowMessageParams[] = [];
  /** window/logMessage from the server (errors it caught), for failure reports. */
  readonly logs: string[] = [];
  private waiters: Array<() => void> = [];

  constructor() {
    // ZHF_SERVER_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles the server under test.
    this.proc = spawn(process.execPath, [...(process.env.ZHF_SERVER_ARGS ?? '').split(' ').filter(Boolean), SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    this.connection = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p);
      this.wake();
    });
    this.connection.onNotification(ShowMessageNotification.type, (p) => {
      this.messages.push(p);
      this.wake();
    });
    this.connection.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p.message);
    });
    // Requests a server may send to a generic client: answer them plainly.
    this.connection.onRequest(ShowMessageRequest.type, (p) => {
      this.messages.push(p);
      this.wake();
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/inlayHint/refresh', () => null);
    this.connection.listen();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  async initialize(rootUri: string | null, extra: Record<string, unknown> = {}): Promise<unknown> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } },
      ...extra,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Wait until a condition on received notifications holds. */
  async waitFor<T>(probe: () => T | undefined | false, timeoutMs = 15000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = probe();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for the server${this.logs.length ? `; server log:\n${this.logs.join('\n')}` : ''}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Diagnostics published for a URI at (at least) a version. */
  diagnosticsFor(uri: string, version?: number, timeoutMs?: number): Promise<Diagnostic[]> {
    return this.waitFor(() => {
      const p = this.diagnostics.get(uri);
      if (!p) return undefined;
      if (version !== undefined && p.version !== undefined && p.version < version) return undefined;
      return p.diagnostics;
    }, timeoutMs);
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.proc.kill();
  }
}
