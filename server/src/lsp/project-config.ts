// The project config `.zh-figures.json` at the root of the (first) workspace folder, parsed by
// the core's parseProjectConfig, reloaded when the file changes. A broken file is reported
// once and defaults are used: checking never stops.
import * as fs from 'fs';
import * as path from 'path';
import type { Connection } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME, defaultProjectConfig, isIgnored, parseProjectConfig, type ProjectConfig } from '../core/config';
import type { Locale } from '../core/format';
import { MESSAGES, say } from './locale';
import { uriToPath } from './uris';

export class ProjectConfigStore {
  private config: ProjectConfig = defaultProjectConfig();
  private file: string | undefined;
  folders: string[] = [];
  locale: Locale = 'en';
  /** Bumped on every reload, so that caches keyed on the config know when to drop. */
  generation = 0;

  constructor(private readonly connection: Connection) {}

  current(): ProjectConfig {
    return this.config;
  }

  load(): void {
    this.generation++;
    this.config = defaultProjectConfig();
    this.file = undefined;
    for (const folder of this.folders) {
      const file = path.join(folder, CONFIG_FILE_NAME);
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      const { config, error } = parseProjectConfig(text, file);
      this.config = config;
      this.file = file;
      if (error) void this.connection.window.showWarningMessage(say(MESSAGES.projectConfig, this.locale, CONFIG_FILE_NAME, error));
      return;
    }
  }

  /** A path from the config (user dictionary), resolved against the config file's folder. */
  resolve(p: string): string {
    return this.file && !path.isAbsolute(p) ? path.join(path.dirname(this.file), p) : p;
  }

  /** True when the config's `ignore` patterns exclude this document. */
  ignores(uri: string): boolean {
    if (!this.file || this.config.ignore.length === 0) return false;
    const file = uriToPath(uri);
    if (!file) return false;
    const rel = path.relative(path.dirname(this.file), file).split(path.sep).join('/');
    return !rel.startsWith('../') && isIgnored(rel, this.config.ignore);
  }
}
