// The connection over stdio, with one change to the stock transport: diagnostics are encoded
// from the UTF-8 JSON of each diagnostic, remembered per diagnostic object. A long report republishes
// all of its problems on every edit, and the diagnostics of findings an edit did not touch are
// the very objects published before (diagnostics.ts), so only the changed ones are serialised.
// Every other message, and every other transport (--node-ipc, --socket, --pipe), is stock.
import { format } from 'util';
import {
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

const encoded = new WeakMap<object, Buffer>();

/** The UTF-8 JSON of one diagnostic, made once per diagnostic object. */
function bytesOf(diagnostic: object): Buffer {
  let bytes = encoded.get(diagnostic);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(diagnostic), 'utf8');
    encoded.set(diagnostic, bytes);
  }
  return bytes;
}

interface Publish {
  jsonrpc: string;
  method: string;
  params: { uri: string; version?: number; diagnostics: object[] };
}

function isPublish(msg: Message): msg is Message & Publish {
  const m = msg as Partial<Publish>;
  return m.method === 'textDocument/publishDiagnostics' && !!m.params && Array.isArray(m.params.diagnostics);
}

const COMMA = Buffer.from(',');
const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']');

/**
 * A message as the stock encoder writes it (UTF-8 of JSON.stringify of the whole message);
 * a publishDiagnostics message put together from each diagnostic's remembered bytes.
 */
export function encodeMessage(msg: Message): Buffer {
  if (!isPublish(msg)) return Buffer.from(JSON.stringify(msg), 'utf8');
  const { diagnostics, ...rest } = msg.params;
  const head = JSON.stringify({ ...msg, params: { ...rest, diagnostics: [] } });
  // `"diagnostics":[]` is the last member written: the list goes between its brackets.
  const at = head.lastIndexOf('[]');
  const parts: Buffer[] = [Buffer.from(head.slice(0, at), 'utf8'), OPEN];
  diagnostics.forEach((d, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(bytesOf(d));
  });
  parts.push(CLOSE, Buffer.from(head.slice(at + 2), 'utf8'));
  return Buffer.concat(parts);
}

const encoder = {
  name: 'application/json',
  encode(msg: Message): Promise<Uint8Array> {
    try {
      return Promise.resolve(encodeMessage(msg));
    } catch (e) {
      return Promise.reject(e);
    }
  },
};

/** Reader and writer for `--stdio`, or undefined for the other transports. */
export function stdioTransport(argv = process.argv): [MessageReader, MessageWriter] | undefined {
  if (!argv.slice(2).includes('--stdio')) return undefined;
  return [new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: encoder })];
}

/**
 * What the stock stdio transport does besides reading and writing: stdout is the protocol, so
 * console output goes to the client's log; the server exits when the client closes stdin.
 */
export function adoptStdio(connection: Connection): void {
  const log = (write: (s: string) => void) => (...args: unknown[]) => write(format(...args));
  console.log = log((s) => connection.console.log(s));
  console.info = log((s) => connection.console.info(s));
  console.warn = log((s) => connection.console.warn(s));
  console.error = log((s) => connection.console.error(s));
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const end = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
}
