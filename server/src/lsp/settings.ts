// The `zhFigures.*` settings, resource-scoped. Pulled per document with workspace/configuration
// when the client supports it; otherwise taken from initializationOptions.settings and
// workspace/didChangeConfiguration (what generic LSP clients send).
import type { Connection } from 'vscode-languageserver/node';
import type { Severity } from '../core/checks/types';

export type RuleSetting = Severity | 'off';

export interface ServerSettings {
  /** Language ids served. */
  languages: string[];
  /** Per rule code: a severity, or "off". */
  rules: Record<string, RuleSetting>;
  inlayHints: { enabled: boolean };
  /** YYYY-MM-DD for relative dates; "" = the publication date found in the text. */
  baseDate: string;
  /** Path of a user dictionary file (absolute, or relative to the workspace folder). */
  userDictionary: string;
  /** Documents longer than this many characters are not analysed (and the user is told). */
  maxFileSize: number;
  workspaceIndex: { enabled: boolean; maxFiles: number };
  diagnostics: { debounce: number };
}

export const DEFAULT_SETTINGS: ServerSettings = {
  languages: ['plaintext', 'markdown', 'zh-report'],
  rules: {},
  inlayHints: { enabled: false },
  baseDate: '',
  userDictionary: '',
  maxFileSize: 2_000_000,
  workspaceIndex: { enabled: true, maxFiles: 5000 },
  diagnostics: { debounce: 150 },
};

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Merge a (possibly partial, possibly malformed) settings object over the defaults. */
export function normalizeSettings(raw: unknown): ServerSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, any>;
  const s: ServerSettings = JSON.parse(JSON.stringify(DEFAULT_SETTINGS));
  if (Array.isArray(r.languages)) s.languages = r.languages.filter((x: unknown) => typeof x === 'string');
  if (r.rules && typeof r.rules === 'object') {
    for (const [code, sev] of Object.entries(r.rules)) if (typeof sev === 'string' && SEVERITIES.has(sev)) s.rules[code] = sev as RuleSetting;
  }
  const hints = r.inlayHints;
  if (typeof hints === 'boolean') s.inlayHints.enabled = hints;
  else if (hints && typeof hints.enabled === 'boolean') s.inlayHints.enabled = hints.enabled;
  if (typeof r.baseDate === 'string' && /^(\d{4}-\d{2}-\d{2})?$/.test(r.baseDate.trim())) s.baseDate = r.baseDate.trim();
  if (typeof r.userDictionary === 'string') s.userDictionary = r.userDictionary;
  if (typeof r.maxFileSize === 'number' && r.maxFileSize > 0) s.maxFileSize = r.maxFileSize;
  const idx = r.workspaceIndex;
  if (idx && typeof idx === 'object') {
    if (typeof idx.enabled === 'boolean') s.workspaceIndex.enabled = idx.enabled;
    if (typeof idx.maxFiles === 'number' && idx.maxFiles >= 0) s.workspaceIndex.maxFiles = idx.maxFiles;
  }
  const diag = r.diagnostics;
  if (diag && typeof diag.debounce === 'number' && diag.debounce >= 0) s.diagnostics.debounce = diag.debounce;
  return s;
}

/** Settings per resource, cached until the next didChangeConfiguration. */
export class SettingsStore {
  private pull = false;
  private global: ServerSettings = DEFAULT_SETTINGS;
  private readonly cache = new Map<string, Promise<ServerSettings>>();

  constructor(private readonly connection: Connection) {}

  init(pullSupported: boolean, initializationSettings: unknown): void {
    this.pull = pullSupported;
    this.global = normalizeSettings(section(initializationSettings));
  }

  /** Called on workspace/didChangeConfiguration; `settings` is what a push client sent. */
  changed(settings: unknown): void {
    this.cache.clear();
    const s = section(settings);
    if (s !== undefined && s !== null) this.global = normalizeSettings(s);
  }

  /** The settings without a resource (also what push-only clients get everywhere). */
  get defaults(): ServerSettings {
    return this.global;
  }

  forUri(uri: string): Promise<ServerSettings> {
    if (!this.pull) return Promise.resolve(this.global);
    let p = this.cache.get(uri);
    if (!p) {
      p = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'zhFigures' })
        .then((raw) => normalizeSettings(raw ?? section(undefined)))
        .catch(() => this.global);
      this.cache.set(uri, p);
    }
    return p;
  }
}

/** Accept both `{ zhFigures: {...} }` and the bare section. */
function section(settings: unknown): unknown {
  if (settings && typeof settings === 'object' && 'zhFigures' in (settings as object)) {
    return (settings as Record<string, unknown>).zhFigures;
  }
  return settings;
}
