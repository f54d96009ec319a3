// Reading report files the way Chinese reports arrive: UTF-8 with or without BOM, UTF-16
// with BOM, or GB18030/GBK. Binary files are refused with a reason rather than misread.
import * as fs from 'fs';
import * as path from 'path';

export type ReadResult = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });
// Fatal too: bytes that merely start like a UTF-16 BOM are not silently turned into noise.
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });

/** Files above this many bytes are refused by the CLI with a reason (a dump, not a report). */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** Decode bytes of a text report; returns a reason when they are not text. */
export function decodeReport(bytes: Uint8Array): ReadResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeWith(utf8, bytes.subarray(3), 'utf-8');
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return decodeWith(utf16le, bytes.subarray(2), 'utf-16le');
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return decodeWith(utf16be, bytes.subarray(2), 'utf-16be');
  }
  if (looksBinary(bytes)) return { ok: false, reason: 'binary file (contains NUL or control bytes)' };
  const asUtf8 = decodeWith(utf8, bytes, 'utf-8');
  if (asUtf8.ok) return asUtf8;
  const asGb = decodeWith(gb18030, bytes, 'gb18030');
  if (asGb.ok) return asGb;
  return { ok: false, reason: 'undecodable bytes (neither UTF-8 nor GB18030)' };
}

function decodeWith(decoder: { decode(b: Uint8Array): string }, bytes: Uint8Array, encoding: string): ReadResult {
  try {
    return { ok: true, text: decoder.decode(bytes), encoding };
  } catch {
    return { ok: false, reason: `not valid ${encoding}` };
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.1;
}

export interface ReportFile {
  /** The path as given or as found below a given folder. */
  path: string;
  text: string;
}

export interface CollectResult {
  files: ReportFile[];
  /** One line per path that could not be read. */
  errors: string[];
}

const REPORT_EXTENSIONS = new Set(['.txt', '.md']);

/** Expand files and folders (every *.txt and *.md below, sorted) and read them. */
export function collectReports(inputs: string[]): CollectResult {
  const files: ReportFile[] = [];
  const errors: string[] = [];
  const seenDirs = new Set<string>();

  const addFile = (p: string, stat: fs.Stats) => {
    // A FIFO, socket or device (/dev/zero) would block or never end: refuse it up front.
    if (!stat.isFile()) {
      errors.push(`${p}: not a regular file`);
      return;
    }
    if (stat.size > MAX_REPORT_BYTES) {
      errors.push(`${p}: file too large (${stat.size.toLocaleString('en-US')} bytes; the limit is ${MAX_REPORT_BYTES / 1048576} MB)`);
      return;
    }
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(p);
    } catch (e) {
      errors.push(`${p}: ${describeIoError(e)}`);
      return;
    }
    const r = decodeReport(bytes);
    if (r.ok) files.push({ path: p, text: r.text });
    else errors.push(`${p}: ${r.reason}`);
  };

  const walk = (dir: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (e) {
      errors.push(`${dir}: ${describeIoError(e)}`);
      return;
    }
    if (seenDirs.has(real)) {
      errors.push(`${dir}: directory loop (already visited ${real})`);
      return;
    }
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push(`${dir}: ${describeIoError(e)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const p = path.join(dir, entry.name);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(p);
      } catch (e) {
        errors.push(`${p}: ${describeIoError(e)}`);
        continue;
      }
      if (stat.isDirectory()) walk(p);
      else if (stat.isFile() && REPORT_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) addFile(p, stat);
    }
  };

  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (e) {
      errors.push(`${input}: ${describeIoError(e)}`);
      continue;
    }
    if (stat.isDirectory()) walk(input);
    else addFile(input, stat);
  }
  return { files, errors };
}

function describeIoError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links (loop)';
    case 'EISDIR':
      return 'is a directory';
    default:
      return (e as Error)?.message ?? String(e);
  }
}
