// User dictionaries as the server reads them: parsed by the core (one format for the CLI and
// the server), re-read only when the file changes.
import * as fs from 'fs';
import type { UserWord } from '../core/types';
import { parseUserDictionary } from '../core/user-dictionary';


/** Loads dictionaries by path, re-reading a file only when its modification time changes. */
export class UserDictionaries {
  private readonly cache = new Map<string, { mtimeMs: number; words: UserWord[] }>();

  /** The words of a file; throws with a readable message when it cannot be read or parsed. */
  load(file: string): UserWord[] {
    const stat = fs.statSync(file);
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
