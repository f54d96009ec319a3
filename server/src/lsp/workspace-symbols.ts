// Workspace symbols (Ctrl+T): figures whose subject, text or label matches the query, in every
// report known (open documents and the workspace index).
import type { SymbolInformation } from 'vscode-languageserver/node';
import { claimLabel } from '../core/format';
import { KIND_SYMBOL } from './document-symbols';
import type { Reports } from './reports';

const MAX_RESULTS = 1000;

/** Case-insensitive substring, or the query's characters in order (fuzzy, as editors do). */
export function matches(query: string, target: string): boolean {
  if (!query) return true;
  const t = target.toLowerCase();
  const q = query.toLowerCase();
  if (t.includes(q)) return true;
  let i = 0;
  for (const ch of t) if (ch === q[i] && ++i === q.length) return true;
  return false;
}

export async function workspaceSymbols(reports: Reports, query: string): Promise<SymbolInformation[]> {
  const out: SymbolInformation[] = [];
  const q = query.trim();
  for (const r of await reports.all()) {
    if (r.doc.skipped) continue;
    for (const c of r.doc.figures.claims) {
      if (!matches(q, c.subject) && !matches(q, c.text)) continue;
      out.push({
        name: claimLabel(c),
        kind: KIND_SYMBOL[c.kind],
        location: { uri: r.uri, range: r.doc.range(c.start, c.end) },
        containerName: c.subject ? `${c.subject} · ${r.name}` : r.name,
      });
      if (out.length >= MAX_RESULTS) return out;
    }
  }
  return out;
}
