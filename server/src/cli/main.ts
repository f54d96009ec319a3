// `zh-figures extract|check` — a thin front end over the analysis core.
import { UsageError } from './args';
import { runExtract } from './extract';
import { runCheck } from './check';
import { runReport } from './report';

const USAGE = `usage:
  zh-figures extract [--json] [--base-date YYYY-MM-DD] PATH...
  zh-figures check [--json | --format text|json|sarif] [--lang en|zh] [--base-date YYYY-MM-DD] PATH...
  zh-figures report [--format md|csv|json] [--base-date YYYY-MM-DD] PATH...

PATH: files or folders (folders: every *.txt and *.md below, sorted).
exit codes: extract and report 0 ok, 2 usage or I/O error; check 1 if any error or warning, 0 if none, 2 usage or I/O error.`;

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const processIo: CliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'extract':
        return await runExtract(rest, io);
      case 'check':
        return await runCheck(rest, io);
      case 'report':
        return await runReport(rest, io);
      case '--help':
      case '-h':
      case 'help':
        io.out(USAGE + '\n');
        return 0;
      case '--version':
        io.out(require('../../package.json').version + '\n');
        return 0;
      default:
        io.err(command ? `zh-figures: unknown command "${command}"\n${USAGE}\n` : `${USAGE}\n`);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`zh-figures: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}
