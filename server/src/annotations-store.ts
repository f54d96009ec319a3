// The annotation store on disk, shared by the language server and the CLI. Writes are atomic
// (a temporary file in the same folder, then rename) and merge by id: each write re-reads the
// file under a lock and replays only this writer's operations on it, so another window or the
// CLI writing meanwhile loses nothing. A file that cannot be parsed is never overwritten: it is
// copied to `annotations.json.corrupt-<timestamp>` first and the caller is told.
import * as fs from 'fs';
import * as path from 'path';
import {
  ANNOTATIONS_DIR,
  ANNOTATIONS_FILE,
  applyOps,
  emptyDocument,
  parseAnnotations,
  serializeAnnotations,
  type AnnotationOp,
  type AnnotationsDocument,
} from './core/annotations';

export interface StoreRead {
  document: AnnotationsDocument;
  /** False when there is no store file yet (an empty store). */
  exists: boolean;
  /** Why the file could not be read; the document is then empty and must not be written back blindly. */
  error?: string;
  /** Changes whenever the file does (mtime and size), to cache reads. */
  stamp: string;
}

export interface StoreWrite {
  document: AnnotationsDocument;
  /** Where a corrupt file was copied before it was replaced. */
  backup?: string;
  /** Why the old file was corrupt. */
  corruption?: string;
}

const LOCK_WAIT_MS = 3000;
/** A lock older than this was left by a writer that died: it is broken. */
const STALE_LOCK_MS = 10000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export class AnnotationsFile {
  readonly dir: string;
  readonly path: string;

  constructor(readonly root: string) {
    this.dir = path.join(root, ANNOTATIONS_DIR);
    this.path = path.join(this.dir, ANNOTATIONS_FILE);
  }

  /** Workspace-relative, `/`-separated path of a file, as marks store it (null outside the root). */
  relative(file: string): string | null {
    const rel = path.relative(this.root, path.resolve(file));
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return null;
    return rel.split(path.sep).join('/');
  }

  stamp(): string {
    try {
      const s = fs.statSync(this.path);
      return `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch {
      return 'missing';
    }
  }

  read(): StoreRead {
    const stamp = this.stamp();
    let text: string;
    try {
      text = fs.readFileSync(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { document: emptyDocument(), exists: false, stamp };
      return { document: emptyDocument(), exists: true, error: `cannot read (${(e as Error).message})`, stamp };
    }
    const parsed = parseAnnotations(text);
    if (parsed.ok) return { document: parsed.document, exists: true, stamp };
    return { document: emptyDocument(), exists: true, error: parsed.error, stamp };
  }

  /** Replay operations on the file as it is now and write the result atomically. */
  update(ops: AnnotationOp[]): StoreWrite {
    fs.mkdirSync(this.dir, { recursive: true });
    const release = this.lock();
    try {
      const current = this.read();
      let backup: string | undefined;
      let base = current.document;
      if (current.error) {
        if (current.error.startsWith('cannot read')) throw new Error(`${this.path}: ${current.error}`);
        backup = this.backupCorrupt();
        base = emptyDocument();
      }
      const document = applyOps(base, ops);
      this.writeAtomic(serializeAnnotations(document));
      return backup ? { document, backup, corruption: current.error } : { document };
    } finally {
      release();
    }
  }

  /** Copy the corrupt file aside (never overwrite an earlier backup). */
  private backupCorrupt(): string {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    let target = `${this.path}.corrupt-${stamp}`;
    for (let n = 2; fs.existsSync(target); n++) target = `${this.path}.corrupt-${stamp}-${n}`;
    fs.copyFileSync(this.path, target, fs.constants.COPYFILE_EXCL);
    return target;
  }

  private writeAtomic(text: string): void {
    const tmp = path.join(this.dir, `.${ANNOTATIONS_FILE}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
    try {
      const fd = fs.openSync(tmp, 'wx');
      try {
        fs.writeFileSync(fd, text, 'utf8');
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, this.path);
    } catch (e) {
      try {
        fs.unlinkSync(tmp);
      } catch {
        /* already gone */
      }
      throw e;
    }
  }

  /** An exclusive lock file next to the store; returns its release. */
  private lock(): () => void {
    const lockPath = `${this.path}.lock`;
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        const fd = fs.openSync(lockPath, 'wx');
        fs.writeSync(fd, String(process.pid));
        fs.closeSync(fd);
        return () => {
          try {
            fs.unlinkSync(lockPath);
          } catch {
            /* broken by someone else after a long stall */
          }
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        let age = 0;
        try {
          age = Date.now() - fs.statSync(lockPath).mtimeMs;
        } catch {
          continue; // released meanwhile
        }
        if (age > STALE_LOCK_MS || Date.now() > deadline) {
          try {
            fs.unlinkSync(lockPath);
          } catch {
            /* someone else broke it */
          }
          continue;
        }
        sleep(15);
      }
    }
  }
}

/** The folder at or above `dir` that holds `.zh-figures/annotations.json`, or null. */
export function findAnnotationsRoot(dir: string): string | null {
  let d = path.resolve(dir);
  for (;;) {
    if (fs.existsSync(path.join(d, ANNOTATIONS_DIR, ANNOTATIONS_FILE))) return d;
    const parent = path.dirname(d);
    if (parent === d) return null;
    d = parent;
  }
}
