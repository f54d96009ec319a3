// `zh-figures extract`: every claim and entity of the given reports, as the contract's JSON
// or as a readable table.
import { parseArgs } from './args';
import { analyzeReports } from './analyze-reports';
import { LineIndex } from '../core/position';
import { contractClaim, contractEntity } from '../core/contract';
import type { CliIo } from './main';

export async function runExtract(argv: string[], io: CliIo): Promise<number> {
  const opts = parseArgs(argv, ['text', 'json']);
  const { inputs, ioError } = analyzeReports(opts.paths, opts.baseDate, io);
  const results = inputs.map(({ path, analysis }) => ({ path, analysis, lines: new LineIndex(analysis.text) }));

  if (opts.json) {
    const out = {
      version: 1,
      files: results.map((r) => ({
        path: r.path,
        claims: r.analysis.claims.map((c) => contractClaim(c, r.lines)),
        entities: r.analysis.entities.map(contractEntity),
      })),
    };
    io.out(JSON.stringify(out) + '\n');
  } else {
    for (const r of results) {
      const rows = r.analysis.claims.map((c) => {
        const p = r.lines.positionAt(c.start);
        const value = c.kind === 'date' || c.kind === 'time' ? c.date ?? '' : c.upper !== null ? `${c.value}..${c.upper}` : String(c.value);
        return [`${r.path}:${p.line + 1}:${p.character + 1}`, c.text, c.kind, value, c.unit, c.qualifier, c.subject];
      });
      io.out(table([['location', 'claim', 'kind', 'value', 'unit', 'qualifier', 'subject'], ...rows]));
      io.out(`${r.analysis.claims.length} claims, ${r.analysis.entities.length} entities in ${r.path}\n\n`);
    }
  }
  return ioError ? 2 : 0;
}

/** Columns padded by display width: CJK characters take two cells in a terminal. */
function table(rows: string[][]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i] - width(cell)))).join('  ').trimEnd()).join('\n') + '\n';
}
