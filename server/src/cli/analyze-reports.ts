// What every CLI command starts with: read the reports, find the `.zh-figures.json` that
// governs each, load its user dictionary once, and analyse. One place, so that extract,
// check and report see the same figures.
import * as fs from 'fs';
import * as path from 'path';
import type { CliIo } from './main';
import { collectReports } from './read-report';
import { ProjectConfigFinder } from './project-config';
import { analyzeText } from '../core/analyze';
import { parseUserDictionary } from '../core/user-dictionary';
import type { CheckInput } from '../core/checks/types';
import type { UserWord } from '../core/types';

export interface AnalysedReports {
  inputs: CheckInput[];
  /** The config finder, for per-path rule settings. */
  finder: ProjectConfigFinder;
  /** True when some path could not be read (exit code 2). */
  ioError: boolean;
}

export function analyzeReports(paths: string[], baseDate: string | undefined, io: CliIo): AnalysedReports {
  const { files, errors } = collectReports(paths);
  for (const e of errors) io.err(`zh-figures: ${e}\n`);
  const finder = new ProjectConfigFinder();
  const dictionaries = new Map<string, UserWord[]>();
  const inputs: CheckInput[] = [];
  for (const f of files) {
    if (finder.isIgnored(f.path)) continue;
    const cfg = finder.forPath(f.path);
    let userWords: UserWord[] | undefined;
    if (cfg.config.userDictionary) {
      const dict = path.resolve(cfg.dir, cfg.config.userDictionary);
      if (!dictionaries.has(dict)) {
        let words: UserWord[] = [];
        try {
          const parsed = parseUserDictionary(fs.readFileSync(dict, 'utf8'), dict);
          for (const e of parsed.errors) io.err(`zh-figures: ${e}\n`);
          words = parsed.words;
        } catch (e) {
          io.err(`zh-figures: ${dict}: cannot read user dictionary (${(e as Error).message})\n`);
        }
        dictionaries.set(dict, words);
      }
      userWords = dictionaries.get(dict);
    }
    const analysis = analyzeText(f.text, { baseDate: baseDate ?? cfg.config.baseDate, userWords });
    inputs.push({ path: f.path, analysis });
  }
  for (const e of finder.errors) io.err(`zh-figures: ${e}\n`);
  return { inputs, finder, ioError: errors.length > 0 };
}
