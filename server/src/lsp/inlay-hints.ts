// Inlay hints (zhFigures.inlayHints.enabled, off by default): the normalized value after each
// figure in the requested range, e.g. 超64万项 ‹> 640,000 项›.
import { InlayHintKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver/node';
import { inlayText } from '../core/format';
import type { DocumentStore } from './documents';
import type { SettingsStore } from './settings';

export async function provideInlayHints(store: DocumentStore, settings: SettingsStore, params: InlayHintParams): Promise<InlayHint[]> {
  const uri = params.textDocument.uri;
  if (!(await settings.forUri(uri)).inlayHints.enabled) return [];
  const doc = await store.get(uri);
  if (!doc || doc.skipped) return [];
  const start = doc.offsetAt(params.range.start);
  const end = doc.offsetAt(params.range.end);
  const hints: InlayHint[] = [];
  for (const claim of doc.figures.claimsIn(start, end)) {
    const label = inlayText(claim);
    // A hint that repeats the text adds nothing (2021 → 2021).
    if (!label || label === claim.text) continue;
    hints.push({ position: doc.lines.positionAt(claim.end), label, kind: InlayHintKind.Type, paddingLeft: true });
  }
  return hints;
}
