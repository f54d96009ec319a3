// `zh-figures report [--format md|csv|json] PATH...`: the fact-check report of each file: every
// claim with its value and verdict from `.zh-figures/annotations.json` (found in the file's
// folder or above), the marks that went stale, and the open findings of the checks (the same
// findings `zh-figures check` prints). Reads only: the store is never written here.
// Exit 0; 2 on usage or I/O errors, including an annotation store that cannot be parsed.
import * as path from 'path';
import { AnnotationsFile, findAnnotationsRoot, type StoreRead } from '../annotations-store';
import { buildFileReport, reportCsv, reportJson, reportMarkdown, resolveMarks, type FileReport } from '../core/annotations';
import { checkDocuments, findingsByPath } from '../core/checks';
import { analyzeReports } from './analyze-reports';
import { parseArgs } from './args';
import { langFromEnv } from './check';
import type { CliIo } from './main';

interface Store {
  file: AnnotationsFile;
  read: StoreRead;
}

export async function runReport(argv: string[], io: CliIo): Promise<number> {
  const opts = parseArgs(argv, ['md', 'csv', 'json']);
  const format = opts.format === 'text' ? 'md' : opts.format;
  const lang = opts.lang ?? langFromEnv();
  const { inputs, finder, ioError } = analyzeReports(opts.paths, opts.baseDate, io);
  let failed = ioError;
  const findings = checkDocuments(inputs, { rulesFor: (p) => finder.forPath(p).config.rules });

  // One store per workspace root; a broken one is reported once and its files get no marks.
  const stores = new Map<string, Store | null>();
  const storeFor = (file: string): Store | null => {
    const root = findAnnotationsRoot(path.dirname(path.resolve(file)));
    if (!root) return null;
    if (!stores.has(root)) {
      const store = new AnnotationsFile(root);
      const read = store.read();
      if (read.error) {
        failed = true;
        io.err(
          lang === 'zh'
            ? `zh-figures：${store.path}：核查标记文件已损坏（${read.error}），本次报告不含其中的标记\n`
            : `zh-figures: ${store.path}: the annotations file is corrupt (${read.error}); its marks are left out of this report\n`
        );
      }
      stores.set(root, { file: store, read });
    }
    return stores.get(root)!;
  };

  const byPath = findingsByPath(findings);
  const reports: FileReport[] = inputs.map((input) => {
    const store = storeFor(input.path);
    const rel = store?.file.relative(input.path) ?? null;
    const marks = store && rel && !store.read.error ? store.read.document.annotations.filter((a) => a.file === rel) : [];
    const text = input.analysis.text;
    return buildFileReport(
      {
        path: input.path,
        text,
        claims: input.analysis.claims,
        marks: resolveMarks(marks, text, input.analysis.claims),
        findings: byPath.get(input.path) ?? [],
        annotations: store && store.read.exists ? store.file.path : null,
      },
      lang
    );
  });

  if (format === 'json') io.out(reportJson(reports));
  else if (format === 'csv') io.out(reportCsv(reports));
  else io.out(reportMarkdown(reports, lang));
  return failed ? 2 : 0;
}
