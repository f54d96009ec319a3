// A minimal JSON-RPC client for the bench: spawns the bundled server over stdio, frames
// messages with Content-Length, answers the few requests a server sends to its client, and
// records when notifications arrive (with the highest-resolution clock available).
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
    this.buffer = Buffer.alloc(0);
    this.stderr = '';
    this.proc.stdout.on('data', (chunk) => this.onData(chunk));
    this.proc.stderr.on('data', (d) => (this.stderr += d));
  }

  onData(chunk) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) throw new Error(`bad header: ${header}`);
      const len = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + len) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + len);
      this.onMessage(JSON.parse(body), performance.now());
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
