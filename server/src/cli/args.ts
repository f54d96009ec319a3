// Command-line arguments shared by every subcommand.

export interface CliOptions {
  json: boolean;
  format: 'text' | 'json' | 'sarif' | 'md' | 'csv';
  baseDate?: string;
  /** Message language (`--lang en|zh`); unset = from LC_ALL / LC_MESSAGES / LANG. */
  lang?: 'en' | 'zh';
  paths: string[];
}

export class UsageError extends Error {}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseArgs(argv: string[], formats: CliOptions['format'][]): CliOptions {
  const opts: CliOptions = { json: false, format: 'text', paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string): string => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '--json') {
      opts.json = true;
      opts.format = 'json';
    } else if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format') as CliOptions['format'];
      if (!formats.includes(f)) throw new UsageError(`--format must be one of ${formats.join(', ')}`);
      opts.format = f;
      opts.json = f === 'json';
    } else if (a === '--base-date' || a.startsWith('--base-date=')) {
      const d = value('--base-date');
      if (!DATE.test(d) || Number.isNaN(Date.parse(d))) throw new UsageError(`--base-date must be YYYY-MM-DD, got "${d}"`);
      opts.baseDate = d;
    } else if (a === '--lang' || a.startsWith('--lang=')) {
      const l = value('--lang');
      if (l !== 'en' && l !== 'zh') throw new UsageError(`--lang must be en or zh, got "${l}"`);
      opts.lang = l;
    } else if (a === '--') {
      opts.paths.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option ${a}`);
    } else {
      opts.paths.push(a);
    }
  }
  if (opts.paths.length === 0) throw new UsageError('no PATH given');
  return opts;
}
