// Document symbols: the figures grouped by subject (Outline, breadcrumbs, Go to Symbol).
// A group spans from its first to its last figure; groups are ordered by first appearance.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import { claimLabel, type Locale } from '../core/format';
import type { Claim, ClaimKind } from '../core/types';
import type { AnalyzedDocument } from './analyzed';
import { MESSAGES, say } from './locale';

export const KIND_SYMBOL: Record<ClaimKind, SymbolKind> = {
  count: SymbolKind.Number,
  money: SymbolKind.Number,
  percent: SymbolKind.Number,
  'percent-point': SymbolKind.Number,
  multiple: SymbolKind.Operator,
  fraction: SymbolKind.Operator,
  date: SymbolKind.Event,
  time: SymbolKind.Event,
  duration: SymbolKind.Number,
  quantity: SymbolKind.Number,
  ordinal: SymbolKind.EnumMember,
};

export function documentSymbols(doc: AnalyzedDocument, locale: Locale): DocumentSymbol[] {
  if (doc.skipped) return [];
  const groups = new Map<string, Claim[]>();
  for (const c of doc.figures.claims) {
    let g = groups.get(c.subject);
    if (!g) groups.set(c.subject, (g = []));
    g.push(c);
  }
  const out: DocumentSymbol[] = [];
  for (const [subject, claims] of groups) {
    const children: DocumentSymbol[] = claims.map((c) => {
      const range = doc.range(c.start, c.end);
      return { name: claimLabel(c), detail: c.kind, kind: KIND_SYMBOL[c.kind], range, selectionRange: range };
    });
    const first = claims[0];
    const last = claims.reduce((a, b) => (b.end > a.end ? b : a));
    out.push({
      name: subject || say(MESSAGES.noSubject, locale),
      detail: String(claims.length),
      kind: SymbolKind.Namespace,
      range: doc.range(first.start, last.end),
      selectionRange: doc.range(first.start, first.end),
      children,
    });
  }
  return out;
}
