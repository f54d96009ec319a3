// The project config `.zh-figures.json` (JSON only), read by both the CLI and the language
// server. Parsing is pure: adapters read the file and hand its text here. A broken file never
// stops checking: the error names the file, line and column, and defaults are used.
import { RULE_CODES, type RuleCode, type Severity } from './checks/types';
import { jsonErrorOffset } from './json-error';
import { globMatch } from './glob-match';

export type RuleSetting = Severity | 'off';

export interface ProjectConfig {
  /** Per-rule severity or "off"; rules not named keep their default. */
  rules: Partial<Record<RuleCode, RuleSetting>>;
  /** YYYY-MM-DD for relative dates when the text gives no publication date. */
  baseDate?: string;
  /** Path of a user dictionary, relative to the config file. */
  userDictionary?: string;
  /** Path patterns (glob-ish: *, **, ?) relative to the config file; matching files are not checked. */
  ignore: string[];
}

export const CONFIG_FILE_NAME = '.zh-figures.json';

export { RULE_CODES };

const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export function defaultProjectConfig(): ProjectConfig {
  return { rules: {}, ignore: [] };
}

/** 1-based line and column of a UTF-16 offset, for messages a person reads. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let col = 1;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    if (text[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return { line, column: col };
}

/** Where JSON.parse stopped: V8 says "at position N" and, in newer versions, "(line L column C)". */
function jsonErrorPosition(message: string, text: string): { line: number; column: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (pos) return lineColumn(text, Number(pos[1]));
  // Some V8 messages carry no position ("Unexpected token 'm', ..."): find it ourselves.
  const at = jsonErrorOffset(text);
  return lineColumn(text, at >= 0 ? at : text.length);
}

/** Parse `.zh-figures.json`. Unknown keys are ignored; bad values are reported and dropped. */
export function parseProjectConfig(text: string, filePath: string): { config: ProjectConfig; error?: string } {
  const config = defaultProjectConfig();
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { config };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    const msg = (e as Error).message;
    const { line, column } = jsonErrorPosition(msg, body);
    const reason = msg.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
    return { config, error: `${filePath}:${line}:${column}: invalid JSON (${reason}); using default settings` };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { config, error: `${filePath}:1:1: the config must be a JSON object; using default settings` };
  }
  const problems: string[] = [];
  const obj = raw as Record<string, unknown>;
  if (obj.rules !== undefined) {
    if (obj.rules === null || typeof obj.rules !== 'object' || Array.isArray(obj.rules)) {
      problems.push('"rules" must be an object of rule code → severity');
    } else {
      for (const [code, setting] of Object.entries(obj.rules as Record<string, unknown>)) {
        if (!RULE_CODES.includes(code as RuleCode)) {
          problems.push(`unknown rule "${code}"`);
          continue;
        }
        if (typeof setting !== 'string' || !SETTINGS.includes(setting as RuleSetting)) {
          problems.push(`rule "${code}" must be one of ${SETTINGS.join(', ')}`);
          continue;
        }
        config.rules[code as RuleCode] = setting as RuleSetting;
      }
    }
  }
  if (obj.baseDate !== undefined) {
    if (typeof obj.baseDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(obj.baseDate) && !Number.isNaN(Date.parse(obj.baseDate))) {
      config.baseDate = obj.baseDate;
    } else problems.push('"baseDate" must be YYYY-MM-DD');
  }
  if (obj.userDictionary !== undefined) {
    if (typeof obj.userDictionary === 'string' && obj.userDictionary) config.userDictionary = obj.userDictionary;
    else problems.push('"userDictionary" must be a path');
  }
  if (obj.ignore !== undefined) {
    if (Array.isArray(obj.ignore) && obj.ignore.every((p) => typeof p === 'string')) config.ignore = obj.ignore as string[];
    else problems.push('"ignore" must be an array of path patterns');
  }
  return problems.length ? { config, error: `${filePath}: ${problems.join('; ')}` } : { config };
}

/** Glob-ish pattern → RegExp over '/'-separated relative paths: ** any depth, * within a name. */
export function globToRegExp(pattern: string): RegExp {
  let p = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  const anchored = p.startsWith('/');
  if (anchored) p = p.slice(1);
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '*' && p[i + 1] === '*') {
      re += p[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += p[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A pattern without a slash matches at any depth (like .gitignore); a folder matches its contents.
  const prefix = anchored || p.includes('/') ? '^' : '^(?:.*/)?';
  return new RegExp(`${prefix}${re}(?:/.*)?$`);
}

/** Is a path (relative to the config file's folder, '/'-separated) ignored? */
export function isIgnored(relativePath: string, patterns: readonly string[]): boolean {
  const p = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  // globMatch, not globToRegExp: patterns come from the workspace and must not backtrack.
  return patterns.some((g) => globMatch(g, p));
}
