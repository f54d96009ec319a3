// Fact-check annotations: verdicts on claims kept in `.zh-figures/annotations.json`.
export * from './types';
export { parseAnnotations, serializeAnnotations, sortAnnotations, compareAnnotations, emptyDocument } from './document';
export type { ParseResult } from './document';
export { anchorOf, contextAt, resolveMarks, CONTEXT_LENGTH } from './anchor';
export type { Anchor, AnchorClaim } from './anchor';
export { annotationId } from './id';
export { applyOps, diffDocuments, mergeDocuments } from './merge';
export type { AnnotationOp } from './merge';
export { markClaim, marksOfFile } from './edit';
export type { MarkInput } from './edit';
export { summarize } from './summary';
export type { AnnotationCounts } from './summary';
export { buildFileReport, reportCsv, reportJson, reportMarkdown, statusLabel, valueText } from './report';
export type { FileReport, ReportClaim, ReportFinding, ReportInput, ReportStaleMark, ReportStatus } from './report';
