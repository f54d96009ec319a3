// Code actions for zh-figures diagnostics: the rule's own quick fixes (Finding.fixes), and
// "silence this rule on this line / in this file", which insert the inline markers that
// core/checks/suppressions.ts reads (inside <!-- --> in Markdown, bare in plain text).
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver/node';
import { findMarkers } from '../core/checks/suppressions';
import type { Finding } from '../core/checks/types';
import { pick, type Locale } from '../core/format';
import type { AnalyzedDocument } from './analyzed';
import { SOURCE, type DiagnosticsService } from './diagnostics';
import type { DocumentStore } from './documents';
import { MESSAGES, say } from './locale';

export async function provideCodeActions(
  store: DocumentStore,
  diagnostics: DiagnosticsService,
  params: CodeActionParams,
  locale: Locale
): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.') || k === CodeActionKind.Empty)) return [];
  const doc = await store.get(uri);
  const published = diagnostics.get(uri);
  if (!doc || !published) return [];
  const isMarkdown = store.documents.get(uri)?.languageId === 'markdown';
  const actions: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    if (d.source !== SOURCE) continue;
    const finding = findingOf(d, published.findings, published.doc);
    if (!finding) continue;
    // Fixes are offsets into the text the finding was computed on: only offer them on that version.
    if (published.doc === doc) {
      finding.fixes.forEach((fix, i) => {
        actions.push({
          title: pick(fix.title, locale),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: i === 0,
          edit: { changes: { [uri]: fix.edits.map((e) => ({ range: doc.range(e.start, e.end), newText: e.newText })) } },
        });
      });
    }
    actions.push({
      title: say(MESSAGES.silenceLine, locale, finding.code),
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [uri]: [silenceLine(doc, d.range.start.line, finding.code, isMarkdown)] } },
    });
    actions.push({
      title: say(MESSAGES.silenceFile, locale, finding.code),
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [uri]: [silenceFile(doc, finding.code, isMarkdown)] } },
    });
  }
  return actions;
}

/** The finding behind a diagnostic: the one of its code at its range (one per code and range). */
function findingOf(d: Diagnostic, findings: Finding[], doc: AnalyzedDocument): Finding | undefined {
  if (!d.range?.start || !d.range.end) return undefined;
  const start = doc.offsetAt(d.range.start);
  const end = doc.offsetAt(d.range.end);
  return findings.find((f) => f.code === d.code && f.start === start && f.end === end) ?? findings.find((f) => f.code === d.code && f.start === start);
}

function lineEnd(doc: AnalyzedDocument, line: number): number {
  const next = line + 1 < doc.lines.lineCount ? doc.lines.offsetAt({ line: line + 1, character: 0 }) : doc.text.length;
  let end = next;
  while (end > 0 && end > next - 2 && (doc.text[end - 1] === '\n' || doc.text[end - 1] === '\r')) end--;
  return end;
}

/** Add the code to a disable-line marker on the line, or append a new marker at the line's end. */
export function silenceLine(doc: AnalyzedDocument, line: number, code: string, markdown: boolean): TextEdit {
  const lineStart = doc.lines.offsetAt({ line, character: 0 });
  const end = lineEnd(doc, line);
  const existing = findMarkers(doc.text.slice(lineStart, end)).find((m) => m.kind === 'disable-line' && m.codes.length > 0);
  if (existing) {
    const at = doc.lines.positionAt(lineStart + existing.end);
    return { range: { start: at, end: at }, newText: ` ${code}` };
  }
  const at = doc.lines.positionAt(end);
  const marker = markdown ? ` <!-- zh-figures-disable-line ${code} -->` : ` zh-figures-disable-line ${code}`;
  return { range: { start: at, end: at }, newText: marker };
}

/** Add the code to a disable-file marker, or put a new one on the first line. */
export function silenceFile(doc: AnalyzedDocument, code: string, markdown: boolean): TextEdit {
  const existing = findMarkers(doc.text).find((m) => m.kind === 'disable-file' && m.codes.length > 0);
  if (existing) {
    const at = doc.lines.positionAt(existing.end);
    return { range: { start: at, end: at }, newText: ` ${code}` };
  }
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const marker = markdown ? `<!-- zh-figures-disable-file ${code} -->${eol}` : `zh-figures-disable-file ${code}${eol}`;
  const start = { line: 0, character: doc.text.startsWith('\uFEFF') ? 1 : 0 };
  return { range: { start, end: start }, newText: marker };
}
