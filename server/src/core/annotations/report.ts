// The fact-check report: every claim of a file with its value and verdict (status, note,
// source), the marks that went stale, and the open findings of the checks; rendered as
// Markdown (to read and to paste into a review), CSV (for spreadsheets) or JSON (for tools).
// Plain data in, text out: the CLI and the server format the same report.
import type { Finding, LocalizedText } from '../checks/types';
import { fullValue, intervalText, pick, type Locale } from '../format';
import { LineIndex } from '../position';
import { contractClaim, type ContractClaim } from '../contract';
import type { Claim } from '../types';
import { summarize, type AnnotationCounts } from './summary';
import type { AnnotationStatus, ResolvedMark } from './types';

export type ReportStatus = AnnotationStatus | 'unmarked';

export interface ReportClaim extends ContractClaim {
  status: ReportStatus;
  /** The mark on it was made when the claim read differently (markedText). */
  stale: boolean;
  markedText: string | null;
  note: string;
  source: string;
  mark: string | null;
  /** Codes of the open findings that touch the claim. */
  findings: string[];
}

export interface ReportStaleMark {
  id: string;
  /** The claim as it read when marked. */
  claim: string;
  status: AnnotationStatus;
  note: string;
  source: string;
  /** What stands there now ("" when the place was not found). */
  currentText: string;
  /** 0-based position of its place now, null when it could not be placed. */
  line: number | null;
  character: number | null;
}

export interface ReportFinding {
  start: number;
  end: number;
  line: number;
  character: number;
  severity: Finding['severity'];
  code: string;
  message: string;
}

export interface FileReport {
  path: string;
  /** The store the marks came from, null when the file has none. */
  annotations: string | null;
  summary: AnnotationCounts & { findings: number };
  claims: ReportClaim[];
  staleMarks: ReportStaleMark[];
  findings: ReportFinding[];
}

export interface ReportInput {
  path: string;
  text: string;
  claims: Claim[];
  marks: ResolvedMark[];
  /** This file's findings (after settings and suppressions). */
  findings: Finding[];
  annotations: string | null;
}

/** The report of one file. */
export function buildFileReport(input: ReportInput, locale: Locale): FileReport {
  const lines = new LineIndex(input.text);
  const onClaim = new Map<number, ResolvedMark>();
  for (const m of input.marks) if (m.claimIndex !== null) onClaim.set(m.claimIndex, m);
  const claims = input.claims.map((c, i): ReportClaim => {
    const m = onClaim.get(i);
    const touching = input.findings.filter((f) => f.start < Math.max(c.end, c.start + 1) && c.start < Math.max(f.end, f.start + 1));
    return {
      ...contractClaim(c, lines),
      status: m ? m.annotation.status : 'unmarked',
      stale: m?.state === 'stale',
      markedText: m?.state === 'stale' ? m.annotation.claim : null,
      note: m?.annotation.note ?? '',
      source: m?.annotation.source ?? '',
      mark: m?.annotation.id ?? null,
      findings: [...new Set(touching.map((f) => f.code))],
    };
  });
  const staleMarks = input.marks
    .filter((m) => m.state === 'stale')
    .map((m): ReportStaleMark => {
      const p = m.start === null ? null : lines.positionAt(m.start);
      return {
        id: m.annotation.id,
        claim: m.annotation.claim,
        status: m.annotation.status,
        note: m.annotation.note,
        source: m.annotation.source,
        currentText: m.currentText,
        line: p ? p.line : null,
        character: p ? p.character : null,
      };
    });
  const findings = input.findings.map((f): ReportFinding => {
    const p = lines.positionAt(f.start);
    return { start: f.start, end: f.end, line: p.line, character: p.character, severity: f.severity, code: f.code, message: pick(f.message, locale) };
  });
  return {
    path: input.path,
    annotations: input.annotations,
    summary: { ...summarize(input.claims.length, input.marks), findings: findings.length },
    claims,
    staleMarks,
    findings,
  };
}

const T = {
  title: { en: 'Fact-check report', zh: '核查报告' },
  summary: {
    en: '{claims} claims: {verified} verified, {disputed} disputed, {needsSource} need a source, {unmarked} unmarked; {stale} stale marks; {findings} open findings',
    zh: '共 {claims} 处数字：已核实 {verified}，有争议 {disputed}，待补来源 {needsSource}，未标记 {unmarked}；过期标记 {stale} 个；未解决问题 {findings} 个',
  },
  line: { en: 'Line', zh: '行' },
  claim: { en: 'Claim', zh: '数字' },
  value: { en: 'Value', zh: '数值' },
  subject: { en: 'Subject', zh: '主语' },
  status: { en: 'Status', zh: '状态' },
  note: { en: 'Note', zh: '备注' },
  source: { en: 'Source', zh: '来源' },
  problems: { en: 'Problems', zh: '问题' },
  staleTitle: { en: 'Stale marks (the claim changed since it was marked: review the verdict)', zh: '过期标记（标记后数字已改动，请重新核查）' },
  marked: { en: 'Marked', zh: '标记时' },
  now: { en: 'Now', zh: '现在' },
  notFound: { en: '(not found)', zh: '（未找到）' },
  findingsTitle: { en: 'Open findings', zh: '未解决的问题' },
  noClaims: { en: 'No claims.', zh: '没有数字。' },
  wasText: { en: 'marked as {0}', zh: '标记时为 {0}' },
} satisfies Record<string, LocalizedText>;

const STATUS_LABELS: Record<ReportStatus, LocalizedText> = {
  verified: { en: '✅ verified', zh: '✅ 已核实' },
  disputed: { en: '❌ disputed', zh: '❌ 有争议' },
  'needs-source': { en: '❓ needs source', zh: '❓ 待补来源' },
  unmarked: { en: '—', zh: '—' },
};

export function statusLabel(status: ReportStatus, locale: Locale): string {
  return pick(STATUS_LABELS[status], locale);
}

function fill(s: string, values: Record<string, string | number>): string {
  return s.replace(/\{(\w+)\}/g, (m, k) => (values[k] !== undefined ? String(values[k]) : m));
}

/** A table cell: pipes escaped, line breaks flattened. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

function sourceCell(s: string): string {
  if (!s) return '';
  return /^https?:\/\/\S+$/.test(s) ? `<${s.replace(/[<>|]/g, encodeURIComponent)}>` : cell(s);
}

/** "> 640,000 项" for qualified figures, "3,887,000,000 元" for exact ones, the ISO date for dates. */
export function valueText(c: Pick<Claim, 'kind' | 'value' | 'upper' | 'unit' | 'qualifier' | 'date' | 'text'>, locale: Locale): string {
  const claim = c as Claim;
  if (c.value === null) return c.date ?? '';
  if (c.qualifier === 'exact' && (c.upper === null || c.upper === c.value)) return fullValue(claim, 'zh');
  return intervalText(claim, locale);
}

export function reportMarkdown(files: FileReport[], locale: Locale): string {
  const out: string[] = [`# ${pick(T.title, locale)}`, ''];
  for (const f of files) {
    out.push(`## ${f.path}`, '');
    out.push(fill(pick(T.summary, locale), { ...f.summary }), '');
    if (!f.claims.length) out.push(pick(T.noClaims, locale), '');
    else {
      const head = [T.line, T.claim, T.value, T.subject, T.status, T.note, T.source, T.problems].map((h) => pick(h, locale));
      out.push(`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---:' : '---')).join('|')}|`);
      for (const c of f.claims) {
        const status = statusLabel(c.status, locale) + (c.stale ? ` ⟳ (${pick(T.wasText, locale).replace('{0}', c.markedText ?? '')})` : '');
        out.push(
          `| ${c.line + 1}:${c.character + 1} | ${cell(c.text)} | ${cell(valueText(c, locale))} | ${cell(c.subject)} | ${cell(status)} | ${cell(c.note)} | ${sourceCell(c.source)} | ${c.findings.map((x) => `\`${x}\``).join(' ')} |`
        );
      }
      out.push('');
    }
    if (f.staleMarks.length) {
      out.push(`### ${pick(T.staleTitle, locale)}`, '');
      const head = [T.marked, T.now, T.line, T.status, T.note, T.source].map((h) => pick(h, locale));
      out.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
      for (const m of f.staleMarks) {
        const where = m.line === null ? pick(T.notFound, locale) : `${m.line + 1}:${m.character! + 1}`;
        out.push(`| ${cell(m.claim)} | ${cell(m.currentText)} | ${where} | ${cell(statusLabel(m.status, locale))} | ${cell(m.note)} | ${sourceCell(m.source)} |`);
      }
      out.push('');
    }
    if (f.findings.length) {
      out.push(`### ${pick(T.findingsTitle, locale)}`, '');
      for (const x of f.findings) out.push(`- ${x.line + 1}:${x.character + 1} **${x.severity}** \`${x.code}\` ${x.message.replace(/[\r\n]+/g, ' ')}`);
      out.push('');
    }
  }
  return out.join('\n');
}

const CSV_COLUMNS = [
  'type',
  'path',
  'line',
  'column',
  'text',
  'kind',
  'value',
  'upper',
  'unit',
  'qualifier',
  'date',
  'subject',
  'status',
  'stale',
  'marked_text',
  'note',
  'source',
  'mark_id',
  'code',
  'severity',
  'message',
] as const;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One table for everything, told apart by `type`: claim rows (with the codes of the findings
 * touching them in `code`), stale-mark rows and finding rows. 1-based line and column.
 */
export function reportCsv(files: FileReport[]): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  const push = (r: Partial<Record<(typeof CSV_COLUMNS)[number], unknown>>) => rows.push(CSV_COLUMNS.map((k) => csvCell(r[k])).join(','));
  for (const f of files) {
    for (const c of f.claims) {
      push({
        type: 'claim',
        path: f.path,
        line: c.line + 1,
        column: c.character + 1,
        text: c.text,
        kind: c.kind,
        value: c.value,
        upper: c.upper,
        unit: c.unit,
        qualifier: c.qualifier,
        date: c.date,
        subject: c.subject,
        status: c.status,
        stale: c.stale,
        marked_text: c.markedText,
        note: c.note,
        source: c.source,
        mark_id: c.mark,
        code: c.findings.join(' '),
      });
    }
    for (const m of f.staleMarks) {
      push({
        type: 'stale-mark',
        path: f.path,
        line: m.line === null ? '' : m.line + 1,
        column: m.character === null ? '' : m.character + 1,
        text: m.currentText,
        status: m.status,
        stale: true,
        marked_text: m.claim,
        note: m.note,
        source: m.source,
        mark_id: m.id,
      });
    }
    for (const x of f.findings) {
      push({ type: 'finding', path: f.path, line: x.line + 1, column: x.character + 1, code: x.code, severity: x.severity, message: x.message });
    }
  }
  // A BOM so that spreadsheet programs read the Chinese text as UTF-8 (as the figure export does).
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}

export function reportJson(files: FileReport[]): string {
  return JSON.stringify({ version: 1, files }, null, 2) + '\n';
}
