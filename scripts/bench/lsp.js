// A minimal JSON-RPC client for the bench: spawns the bundled server over stdio, frames
// messages with Content-Length, answers the few requests a server sends to its client, and
// records when notifications arrive (with the highest-resolution clock available): when their
// last byte is read, before the client decodes them.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');

class LspClient {
  constructor(serverJs, cwd) {
    // ZH_FIGURES_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
    const nodeArgs = (process.env.ZH_FIGURES_BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
    this.proc = spawn(process.execPath, [...nodeArgs, serverJs, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    this.chunks = [];
    this.buffered = 0;
    this.expected = null;
    this.stderr = '';
    this.proc.stdout.on('data', (chunk) => this.onData(chunk));
    this.proc.stderr.on('data', (d) => (this.stderr += d));
  }

  // Chunks are kept in a list and joined once a whole message has arrived: joining on every
  // chunk would copy a multi-megabyte publishDiagnostics quadratically and bill it to the server.
  onData(chunk) {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.expected === null) {
        const head = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
        this.chunks = [head];
        const headerEnd = head.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const m = /Content-Length:\s*(\d+)/i.exec(head.subarray(0, headerEnd).toString('ascii'));
        if (!m) throw new Error(`bad header: ${head.subarray(0, headerEnd).toString('ascii')}`);
        this.expected = Number(m[1]);
        this.chunks = [head.subarray(headerEnd + 4)];
        this.buffered = this.chunks[0].length;
      }
      if (this.buffered < this.expected) return;
      // Arrival is when the last byte is here: decoding and parsing are the client's own cost.
      const at = performance.now();
      const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
      const body = all.subarray(0, this.expected).toString('utf8');
      const rest = all.subarray(this.expected);
      this.chunks = [rest];
      this.buffered = rest.length;
      this.expected = null;
      this.onMessage(JSON.parse(body), at);
    }
  }

  onMessage(msg, at) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (p) msg.error ? p.reject(new Error(msg.error.message)) : p.resolve(msg.result);
      return;
    }
    if (msg.id !== undefined) {
      // window/workDoneProgress/create, client/registerCapability, …: accept plainly.
      this.write({ jsonrpc: '2.0', id: msg.id, result: null });
      return;
    }
    for (const l of [...this.listeners]) l(msg, at);
  }

  write(msg) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the arrival time of the first notification matching `probe`. */
  waitFor(probe, timeoutMs = 120000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`timed out after ${timeoutMs} ms${this.stderr ? `; server stderr:\n${this.stderr}` : ''}`));
      }, timeoutMs);
      const listener = (msg, at) => {
        if (!probe(msg)) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve({ msg, at });
      };
      this.listeners.push(listener);
    });
  }

  /** Peak resident set of the server process in bytes (Linux: VmHWM). */
  peakRss() {
    try {
      const m = /VmHWM:\s*(\d+)\s*kB/.exec(fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : null;
    } catch {
      return null;
    }
  }

  async stop() {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } catch {
      // already gone
    }
    setTimeout(() => this.proc.kill(), 500).unref();
  }
}

module.exports = { LspClient };
