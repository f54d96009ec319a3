// `zh-figures check`: analyse each report, run the consistency rules across all of them and
// print findings as text (file:line:col: severity code message), JSON (the CLI contract) or
// SARIF 2.1.0. Exit 1 when any error or warning, 0 when none, 2 on usage or I/O errors.
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from './args';
import type { CliIo } from './main';
import { analyzeReports } from './analyze-reports';
import { checkDocuments, DEFAULT_SEVERITIES, findingsByPath, RULES, ruleDocUrl } from '../core/checks';
import type { CheckInput, Finding, LocalizedText, RuleCode } from '../core/checks/types';
import { LineIndex } from '../core/position';
import { RULE_TITLES } from '../core/checks/titles';

type Lang = 'en' | 'zh';

/** LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them. */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(v) ? 'zh' : 'en';
}

function pick(t: LocalizedText, lang: Lang): string {
  return lang === 'zh' ? t.zh : t.en;
}

export async function runCheck(argv: string[], io: CliIo): Promise<number> {
  const opts = parseArgs(argv, ['text', 'json', 'sarif']);
  const lang: Lang = opts.lang ?? langFromEnv();
  const { inputs, finder, ioError } = analyzeReports(opts.paths, opts.baseDate, io);
  const texts = new Map(inputs.map((i) => [i.path, i.analysis.text]));

  const findings = checkDocuments(inputs, { rulesFor: (p) => finder.forPath(p).config.rules });
  const indexes = new Map<string, LineIndex>();
  const indexOf = (p: string): LineIndex => {
    let ix = indexes.get(p);
    if (!ix) {
      ix = new LineIndex(texts.get(p) ?? '');
      indexes.set(p, ix);
    }
    return ix;
  };

  if (opts.format === 'json') io.out(JSON.stringify(toJson(inputs, findings, indexOf, lang)) + '\n');
  else if (opts.format === 'sarif') io.out(JSON.stringify(toSarif(inputs, findings, indexOf, lang), null, 2) + '\n');
  else {
    for (const f of findings) {
      const p = indexOf(f.path).positionAt(f.start);
      io.out(`${f.path}:${p.line + 1}:${p.character + 1}: ${f.severity} ${f.code} ${pick(f.message, lang)}\n`);
    }
    const count = (s: string) => findings.filter((f) => f.severity === s).length;
    if (findings.length > 0) {
      io.err(
        lang === 'zh'
          ? `${inputs.length} 个文件：${count('error')} 个错误，${count('warning')} 个警告，${count('information') + count('hint')} 条提示\n`
          : `${inputs.length} file(s): ${count('error')} error(s), ${count('warning')} warning(s), ${count('information') + count('hint')} note(s)\n`
      );
    }
  }
  if (ioError) return 2;
  return findings.some((f) => f.severity === 'error' || f.severity === 'warning') ? 1 : 0;
}

/** `--json`: exactly the shape of the CLI contract, positions 0-based like LSP. */
function toJson(inputs: CheckInput[], findings: Finding[], indexOf: (p: string) => LineIndex, lang: Lang) {
  const byPath = findingsByPath(findings);
  return {
    version: 1,
    files: inputs.map((i) => ({
      path: i.path,
      diagnostics: (byPath.get(i.path) ?? [])
        .map((f) => {
          const p = indexOf(f.path).positionAt(f.start);
          return {
            start: f.start,
            end: f.end,
            line: p.line,
            character: p.character,
            severity: f.severity,
            code: f.code,
            message: pick(f.message, lang),
            related: f.related.map((r) => ({ path: r.path, start: r.start, end: r.end })),
          };
        }),
    })),
  };
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

function artifactUri(p: string): string {
  const rel = path.isAbsolute(p) ? p : p.split(path.sep).join('/');
  return path.isAbsolute(rel) ? 'file://' + encodeURI(rel.split(path.sep).join('/')) : encodeURI(rel);
}

/** SARIF 2.1.0 for code-scanning tools; 1-based lines and UTF-16 columns. */
function toSarif(inputs: CheckInput[], findings: Finding[], indexOf: (p: string) => LineIndex, lang: Lang) {
  const codes = RULES.map((r) => r.code);
  const region = (p: string, start: number, end: number) => {
    const ix = indexOf(p);
    const s = ix.positionAt(start);
    const e = ix.positionAt(end);
    return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, charOffset: start, charLength: end - start };
  };
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'zh-figures',
            informationUri: 'https://github.com/zh-figures/zh-figures',
            version: packageVersion(),
            rules: codes.map((code: RuleCode) => ({
              id: code,
              name: code,
              shortDescription: { text: pick(RULE_TITLES[code], lang) },
              helpUri: ruleDocUrl(code),
              defaultConfiguration: { level: SARIF_LEVEL[DEFAULT_SEVERITIES[code]] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: inputs.map((i) => ({ location: { uri: artifactUri(i.path) }, encoding: 'utf-8' })),
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: codes.indexOf(f.code),
          level: SARIF_LEVEL[f.severity],
          message: { text: pick(f.message, lang) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(f.path), index: inputs.findIndex((i) => i.path === f.path) },
                region: region(f.path, f.start, f.end),
              },
            },
          ],
          relatedLocations: f.related.map((r, id) => ({
            id,
            message: { text: pick(r.message, lang) },
            physicalLocation: { artifactLocation: { uri: artifactUri(r.path) }, region: region(r.path, r.start, r.end) },
          })),
          ...(f.fixes.length
            ? {
                fixes: f.fixes.map((x) => ({
                  description: { text: pick(x.title, lang) },
                  artifactChanges: [
                    {
                      artifactLocation: { uri: artifactUri(f.path) },
                      replacements: x.edits.map((e) => ({ deletedRegion: { charOffset: e.start, charLength: e.end - e.start }, insertedContent: { text: e.newText } })),
                    },
                  ],
                })),
              }
            : {}),
        })),
      },
    ],
  };
}

function packageVersion(): string {
  try {
    // Bundled at server/out/cli.js and compiled at out/server/src/cli/check.js: try both.
    for (const rel of ['../../package.json', '../../../../package.json']) {
      const p = path.resolve(__dirname, rel);
      if (fs.existsSync(p)) return JSON.parse(fs.readFileSync(p, 'utf8')).version ?? '0.0.0';
    }
  } catch {
    /* fall through */
  }
  return '0.0.0';
}
