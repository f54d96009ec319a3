// User dictionaries as the server reads them: parsed by the core (one format for the CLI and
// the server), re-read only when the file changes.
import * as fs from 'fs';
import * as path from 'path';
import type { UserWord } from '../core/types';
import { parseUserDictionary } from '../core/user-dictionary';


/** Dictionaries above this size are refused: a name list is kilobytes, not megabytes. */
export const MAX_DICTIONARY_BYTES = 8 * 1024 * 1024;

/** Is `file` inside one of `folders` once symbolic links are resolved (no ../ or link escape)? */
export function insideFolders(file: string, folders: readonly string[]): boolean {
  const real = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const target = real(file);
  return folders.some((folder) => {
    const rel = path.relative(real(folder), target);
    return rel !== '' && rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel);
  });
}

/** Loads dictionaries by path, re-reading a file only when its modification time changes. */
export class UserDictionaries {
  private readonly cache = new Map<string, { mtimeMs: number; words: UserWord[] }>();

  /**
   * The words of a file; throws with a readable message when it cannot be read or parsed.
   * `confineTo`: folders the file must lie in (symbolic links resolved) — for a path taken from
   * `.zh-figures.json`, which is workspace content and must not reach outside the workspace.
   */
  load(file: string, confineTo?: readonly string[]): UserWord[] {
    if (confineTo && !insideFolders(file, confineTo)) {
      throw new Error('outside the workspace; a dictionary named in .zh-figures.json must be inside the workspace folder (不在工作区内：.zh-figures.json 指定的词典须位于工作区文件夹中)');
    }
    const stat = fs.statSync(file);
    // A FIFO would block the server; a huge file is not a dictionary.
    if (!stat.isFile()) throw new Error('not a regular file (不是普通文件)');
    if (stat.size > MAX_DICTIONARY_BYTES) throw new Error(`larger than ${MAX_DICTIONARY_BYTES / 1048576} MB (文件过大)`);
    const hit = this.cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs) return hit.words;
    const words = parseUserDictionary(fs.readFileSync(file, 'utf8'), file).words;
    this.cache.set(file, { mtimeMs: stat.mtimeMs, words });
    return words;
  }

  invalidate(file?: string): void {
    if (file) this.cache.delete(file);
    else this.cache.clear();
  }
}
