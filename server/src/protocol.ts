// The custom messages between the extension and the language server, each declared once and
// imported by both sides (as vscode-eslint does). Anything an LSP client can use generically
// (hover, diagnostics, symbols…) is standard LSP; only the tree, export, status and
// workspace check need their own messages.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Range, WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { ClaimKind, Qualifier } from './core/types';
import type { Severity } from './core/checks/types';

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
