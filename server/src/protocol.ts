// The custom messages between the extension and the language server, each declared once and
// imported by both sides (as vscode-eslint does). Anything an LSP client can use generically
// (hover, diagnostics, symbols…) is standard LSP; only the tree, export, status and
// workspace check need their own messages.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Position, Range, WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { ClaimKind, Qualifier } from './core/types';
import type { Severity } from './core/checks/types';
import type { AnnotationCounts, AnnotationStatus } from './core/annotations';

/** How the tree groups the figures of one file. */
export type GroupBy = 'subject' | 'entity';

/** Why a document is not analysed (and the user is told, never silently cut). */
export type SkipReason = 'too-large' | 'little-chinese' | 'language' | 'unreadable';

/** One figure as the tree, exports and tests see it. */
export interface FigureItem {
  /** Stable within one document version: "start-end". */
  id: string;
  uri: string;
  range: Range;
  /** "涉案金额 · 38.87亿 = 3,887,000,000 元". */
  label: string;
  /** The source text of the claim ("超64万项"). */
  text: string;
  kind: ClaimKind;
  value: number | null;
  upper: number | null;
  unit: string;
  qualifier: Qualifier;
  date: string | null;
  subject: string;
  /** The entity the figure is said of (nearest named entity before it in its sentence), "" if none. */
  entity: string;
  /** The diagnostics whose range overlaps the figure. */
  problems: number;
  /** The most severe of them, if any. */
  severity: Severity | null;
  /** The fact-check mark on the figure, if any (see AnnotationsRequest). */
  annotation?: FigureAnnotation | null;
}

export interface FigureGroup {
  /** The subject or the entity; "" for figures without one. */
  key: string;
  /** What to show: the key, or a localized "(no subject)". */
  label: string;
  items: FigureItem[];
}

export interface FiguresParams {
  uri: string;
  groupBy?: GroupBy;
}

export interface FiguresResult {
  uri: string;
  /** The document version analysed, null for files read from disk. */
  version: number | null;
  groupBy: GroupBy;
  skipped: SkipReason | null;
  total: number;
  groups: FigureGroup[];
  /** Marks of this file whose claim could not be found any more (stale, unplaced): for review. */
  staleMarks?: FigureAnnotation[];
}

/** `zhFigures/figures`: the figures of one file, grouped. Works for open and indexed files. */
export const FiguresRequest = new RequestType<FiguresParams, FiguresResult, void>('zhFigures/figures');

export interface WorkspaceFile {
  uri: string;
  /** Path relative to its workspace folder. */
  name: string;
  figures: number;
  /** Problems currently published for it (0 when never checked). */
  problems: number;
  open: boolean;
}

export interface WorkspaceFilesResult {
  files: WorkspaceFile[];
  /** True while the background index is still being built. */
  indexing: boolean;
}

/** `zhFigures/workspaceFiles`: every report the server knows (open documents and the index). */
export const WorkspaceFilesRequest = new RequestType<Record<string, never>, WorkspaceFilesResult, void>(
  'zhFigures/workspaceFiles'
);

export type ExportFormat = 'csv' | 'json';

export interface ExportMetricsParams {
  /** Files to export; omitted or empty: the whole workspace. */
  uris?: string[];
  format: ExportFormat;
}

export interface ExportMetricsResult {
  format: ExportFormat;
  content: string;
  files: number;
  figures: number;
}

/** `zhFigures/exportMetrics`: the figures of files as CSV or JSON text. */
export const ExportMetricsRequest = new RequestType<ExportMetricsParams, ExportMetricsResult, void>(
  'zhFigures/exportMetrics'
);

export interface DocumentStatus {
  uri: string;
  version: number | null;
  figures: number;
  entities: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  skipped: SkipReason | null;
}

/** `zhFigures/status`: counts for one document. */
export const StatusRequest = new RequestType<{ uri: string }, DocumentStatus, void>('zhFigures/status');

/** `zhFigures/statusChanged`: pushed whenever a document's counts change. */
export const StatusNotification = new NotificationType<DocumentStatus>('zhFigures/statusChanged');

/** `zhFigures/figuresChanged`: the figures or problems of these files changed (refresh trees). */
export const FiguresChangedNotification = new NotificationType<{ uris: string[] }>('zhFigures/figuresChanged');

export interface CheckWorkspaceParams extends WorkDoneProgressParams {
  /** Limit to these files; omitted: every report in the workspace. */
  uris?: string[];
}

export interface CheckWorkspaceResult {
  files: number;
  problems: number;
  cancelled: boolean;
}

/**
 * `zhFigures/checkWorkspace`: analyse and check every report in the workspace and publish
 * diagnostics for files that are not open. Reports progress on `workDoneToken`; cancellable.
 */
export const CheckWorkspaceRequest = new RequestType<CheckWorkspaceParams, CheckWorkspaceResult, void>(
  'zhFigures/checkWorkspace'
);

// Fact-check annotations: verdicts on claims, kept in `.zh-figures/annotations.json`.

export type { AnnotationCounts, AnnotationStatus } from './core/annotations';

/**
 * The extension's commands that mark claims. The server puts them in hover links and code
 * actions (arguments: one object {uri, position} or {uri, id}); the extension registers them.
 */
export const ANNOTATION_COMMAND_IDS = {
  verified: 'zhFigures.markVerified',
  disputed: 'zhFigures.markDisputed',
  'needs-source': 'zhFigures.markNeedsSource',
  remove: 'zhFigures.removeMark',
} as const satisfies Record<AnnotationStatus | 'remove', string>;

/** One mark as the editor shows it. */
export interface FigureAnnotation {
  id: string;
  status: AnnotationStatus;
  /** The claim's text changed (or it vanished) since it was marked: review the verdict. */
  stale: boolean;
  note: string;
  source: string;
  /** The claim as it read when marked. */
  markedText: string;
  /** What stands at the mark's place now ("" when it cannot be placed). */
  currentText: string;
  /** Where the mark sits now; null when it cannot be placed. */
  range: Range | null;
  /** ISO 8601 time of the last change. */
  updated: string;
}

export interface AnnotationsResult {
  uri: string;
  /** The document version the marks were placed on, null for files read from disk. */
  version: number | null;
  /** The store file (a path), null when the document has no place for one (untitled). */
  store: string | null;
  /** Why the store could not be read (its marks are then not shown), else null. */
  error: string | null;
  marks: FigureAnnotation[];
  counts: AnnotationCounts;
}

/** `zhFigures/annotations`: the marks of one file, placed on its current text. */
export const AnnotationsRequest = new RequestType<{ uri: string }, AnnotationsResult, void>('zhFigures/annotations');

export interface SetAnnotationParams {
  uri: string;
  /** Any position inside the claim. */
  position: Position;
  status: AnnotationStatus;
  /** Omitted: keep the mark's note (or none); "" clears it. */
  note?: string;
  /** Omitted: keep the mark's source (or none); "" clears it. */
  source?: string;
}

export interface SetAnnotationResult {
  annotation: FigureAnnotation | null;
  /** Why nothing was marked (no claim there, unsaved file…), localized; null on success. */
  error: string | null;
  /** Where a corrupt store was copied before it was replaced. */
  backup?: string;
}

/** `zhFigures/setAnnotation`: mark the claim at a position (or change its mark). */
export const SetAnnotationRequest = new RequestType<SetAnnotationParams, SetAnnotationResult, void>('zhFigures/setAnnotation');

export interface RemoveAnnotationParams {
  uri: string;
  /** The mark to remove; or the mark on the claim at `position`. */
  id?: string;
  position?: Position;
}

/** `zhFigures/removeAnnotation`: remove a mark; answers whether one was removed. */
export const RemoveAnnotationRequest = new RequestType<RemoveAnnotationParams, { removed: boolean; error: string | null }, void>(
  'zhFigures/removeAnnotation'
);

/** `zhFigures/annotationsChanged`: the marks of these files changed (repaint decorations, tree, counts). */
export const AnnotationsChangedNotification = new NotificationType<{ uris: string[] }>('zhFigures/annotationsChanged');

export type FactCheckReportFormat = 'md' | 'csv' | 'json';

export interface FactCheckReportParams {
  /** Files to report on; omitted or empty: every report of the workspace. */
  uris?: string[];
  format: FactCheckReportFormat;
}

export interface FactCheckReportResult {
  format: FactCheckReportFormat;
  /** The same text `zh-figures report --format <format>` prints. */
  content: string;
  files: number;
  claims: number;
  /** Marks listed (anchored and stale). */
  marks: number;
}

/** `zhFigures/factCheckReport`: every claim with its verdict, the stale marks and the open findings. */
export const FactCheckReportRequest = new RequestType<FactCheckReportParams, FactCheckReportResult, void>('zhFigures/factCheckReport');
