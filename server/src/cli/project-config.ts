// Finding and reading `.zh-figures.json` for the CLI: the nearest one in the folder of a path or
// its parents, else in the current directory or its parents. Results are cached per folder.
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE_NAME, defaultProjectConfig, isIgnored, parseProjectConfig, ProjectConfig } from '../core/config';

export interface LoadedConfig {
  /** The config file, or null when none was found (defaults). */
  file: string | null;
  /** Folder the config's relative paths (ignore, userDictionary) are relative to. */
  dir: string;
  config: ProjectConfig;
  error?: string;
}

export class ProjectConfigFinder {
  private readonly byDir = new Map<string, string | null>();
  private readonly loaded = new Map<string, LoadedConfig>();
  /** Errors not yet reported, one per broken file. */
  readonly errors: string[] = [];

  constructor(private readonly cwd: string = process.cwd()) {}

  /** The nearest config file at or above `dir`, or null. */
  findFile(dir: string): string | null {
    const chain: string[] = [];
    let d = path.resolve(dir);
    let found: string | null | undefined;
    for (;;) {
      if (this.byDir.has(d)) {
        found = this.byDir.get(d);
        break;
      }
      chain.push(d);
      const candidate = path.join(d, CONFIG_FILE_NAME);
      if (isFile(candidate)) {
        found = candidate;
        break;
      }
      const parent = path.dirname(d);
      if (parent === d) {
        found = null;
        break;
      }
      d = parent;
    }
    for (const c of chain) this.byDir.set(c, found ?? null);
    return found ?? null;
  }

  /** The config governing a report path. */
  forPath(reportPath: string): LoadedConfig {
    const file = this.findFile(path.dirname(path.resolve(reportPath))) ?? this.findFile(this.cwd);
    return this.load(file);
  }

  private load(file: string | null): LoadedConfig {
    const key = file ?? '';
    const hit = this.loaded.get(key);
    if (hit) return hit;
    let result: LoadedConfig;
    if (!file) {
      result = { file: null, dir: this.cwd, config: defaultProjectConfig() };
    } else {
      let text = '';
      let error: string | undefined;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        error = `${file}: cannot read (${(e as Error).message}); using default settings`;
      }
      const parsed = error ? { config: defaultProjectConfig(), error } : parseProjectConfig(text, file);
      result = { file, dir: path.dirname(file), config: parsed.config, error: parsed.error };
      if (parsed.error) this.errors.push(parsed.error);
    }
    this.loaded.set(key, result);
    return result;
  }

  /** Is the report excluded by its config's `ignore` patterns? */
  isIgnored(reportPath: string): boolean {
    const c = this.forPath(reportPath);
    if (!c.config.ignore.length) return false;
    const rel = path.relative(c.dir, path.resolve(reportPath)).split(path.sep).join('/');
    return !rel.startsWith('..') && isIgnored(rel, c.config.ignore);
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
