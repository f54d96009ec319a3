// Exporting the figures ("metrics") of reports as CSV or JSON text: one row per figure with
// its position, value, unit, qualifier, date, subject and entity. The JSON follows the shape
// of `zh-figures extract --json` so that one consumer reads both.
import type { ExportFormat } from '../protocol';
import { contractClaim } from '../core/contract';
import type { AnalyzedDocument } from './analyzed';

export interface ExportSource {
  /** Path or name to print. */
  path: string;
  doc: AnalyzedDocument;
}

const COLUMNS = ['path', 'line', 'character', 'text', 'kind', 'value', 'upper', 'unit', 'qualifier', 'date', 'subject', 'entity'] as const;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function exportMetrics(sources: ExportSource[], format: ExportFormat): { content: string; figures: number } {
  let figures = 0;
  const files = sources.map((s) => {
    const claims = s.doc.figures.claims.map((c, i) => {
      return { ...contractClaim(c, s.doc.lines), entity: s.doc.figures.entityForClaim(i) };
    });
    figures += claims.length;
    return { path: s.path, claims };
  });
  if (format === 'json') return { content: JSON.stringify({ version: 1, files }, null, 2) + '\n', figures };
  const rows = [COLUMNS.join(',')];
  for (const f of files) {
    for (const c of f.claims) {
      const row: Record<(typeof COLUMNS)[number], unknown> = { path: f.path, ...c, line: c.line + 1, character: c.character + 1 };
      rows.push(COLUMNS.map((k) => csvCell(row[k])).join(','));
    }
  }
  // A BOM so that spreadsheet programs read the Chinese text as UTF-8.
  return { content: '\uFEFF' + rows.join('\r\n') + '\r\n', figures };
}
