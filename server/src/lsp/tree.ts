// The custom requests behind the Figures tree, the status bar and exports: figures of one file
// grouped by subject or entity (with problem marks), the workspace's files, counts, exports.
import { claimLabel, type Locale } from '../core/format';
import type { Finding, Severity } from '../core/checks/types';
import type { Claim } from '../core/types';
import type {
  ExportMetricsParams,
  ExportMetricsResult,
  FigureGroup,
  FigureItem,
  FiguresParams,
  FiguresResult,
  WorkspaceFilesResult,
} from '../protocol';
import type { AnnotationService } from './annotations';
import type { DiagnosticsService } from './diagnostics';
import { exportMetrics } from './export-metrics';
import { MESSAGES, say } from './locale';
import type { Reports } from './reports';
import type { WorkspaceIndex } from './workspace-index';

const RANK: Record<Severity, number> = { error: 4, warning: 3, information: 2, hint: 1 };

/** Problem spans of one document: the finding's own range and its related ranges in the same file. */
function problemSpans(uri: string, findings: Finding[]): Array<{ start: number; end: number; severity: Severity }> {
  const spans: Array<{ start: number; end: number; severity: Severity }> = [];
  for (const f of findings) {
    spans.push({ start: f.start, end: f.end, severity: f.severity });
    for (const r of f.related) if (r.path === uri) spans.push({ start: r.start, end: r.end, severity: f.severity });
  }
  return spans;
}

export async function figures(
  reports: Reports,
  diagnostics: DiagnosticsService,
  params: FiguresParams,
  locale: Locale,
  annotations?: Pick<AnnotationService, 'forTree'>
): Promise<FiguresResult> {
  const groupBy = params.groupBy ?? 'subject';
  const report = await reports.get(params.uri);
  if (!report) return { uri: params.uri, version: null, groupBy, skipped: 'unreadable', total: 0, groups: [] };
  const doc = report.doc;
  const published = diagnostics.get(report.uri);
  // Marks only when the published findings are of this very text.
  const spans = published && published.doc === doc ? problemSpans(report.uri, published.findings) : [];
  // Each problem marks the figures it overlaps: a lookup per problem, not a scan per figure.
  const marks = new Map<Claim, { problems: number; severity: Severity }>();
  for (const sp of spans) {
    for (const c of doc.figures.claimsIn(sp.start, Math.max(sp.end, sp.start + 1))) {
      const m = marks.get(c);
      if (!m) marks.set(c, { problems: 1, severity: sp.severity });
      else {
        m.problems++;
        if (RANK[sp.severity] > RANK[m.severity]) m.severity = sp.severity;
      }
    }
  }
  const groups = new Map<string, FigureGroup>();
  const claims = doc.figures.claims;
  const verdicts = annotations && !doc.skipped ? annotations.forTree(report) : undefined;
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i];
    const entity = doc.figures.entityForClaim(i);
    const mark = marks.get(c);
    const item: FigureItem = {
      id: `${c.start}-${c.end}`,
      uri: report.uri,
      range: doc.range(c.start, c.end),
      label: claimLabel(c),
      text: c.text,
      kind: c.kind,
      value: c.value,
      upper: c.upper,
      unit: c.unit,
      qualifier: c.qualifier,
      date: c.date,
      subject: c.subject,
      entity,
      problems: mark?.problems ?? 0,
      severity: mark?.severity ?? null,
      annotation: verdicts?.byClaim.get(i) ?? null,
    };
    const key = groupBy === 'entity' ? entity : c.subject;
    let g = groups.get(key);
    if (!g) {
      const label = key || say(groupBy === 'entity' ? MESSAGES.noEntity : MESSAGES.noSubject, locale);
      groups.set(key, (g = { key, label, items: [] }));
    }
    g.items.push(item);
  }
  const result: FiguresResult = { uri: report.uri, version: doc.version, groupBy, skipped: doc.skipped, total: claims.length, groups: [...groups.values()] };
  if (verdicts?.unplaced.length) result.staleMarks = verdicts.unplaced;
  return result;
}

export async function workspaceFiles(reports: Reports, diagnostics: DiagnosticsService, index: WorkspaceIndex): Promise<WorkspaceFilesResult> {
  const files = (await reports.all())
    .filter((r) => !r.doc.skipped)
    .map((r) => ({
      uri: r.uri,
      name: r.name,
      figures: r.doc.analysis.claims.length,
      problems: diagnostics.get(r.uri)?.diagnostics.length ?? 0,
      open: r.open,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { files, indexing: index.building };
}

export async function exportRequest(reports: Reports, params: ExportMetricsParams): Promise<ExportMetricsResult> {
  const list = params.uris && params.uris.length ? (await Promise.all(params.uris.map((u) => reports.get(u)))).filter((r) => r !== undefined) : await reports.all();
  const sources = list
    .filter((r) => !r!.doc.skipped)
    .map((r) => ({ path: r!.name, doc: r!.doc }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const { content, figures } = exportMetrics(sources, params.format);
  return { format: params.format, content, files: sources.length, figures };
}
