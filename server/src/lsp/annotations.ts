// Fact-check annotations in the language server: the store of each workspace root (re-read
// when the file changes on disk, so other windows and the CLI are seen), marks placed on the
// current version of a document (cached per version and store state), the custom requests,
// the hover section with its command links, the code actions and the tree's marks.
import * as fs from 'fs';
import * as path from 'path';
import { CodeActionKind, CodeActionTriggerKind, type CodeAction, type CodeActionParams, type Connection, type Position } from 'vscode-languageserver/node';
import { AnnotationsFile, type StoreRead } from '../annotations-store';
import {
  ANNOTATIONS_DIR,
  ANNOTATIONS_FILE,
  buildFileReport,
  markClaim,
  reportCsv,
  reportJson,
  reportMarkdown,
  resolveMarks,
  summarize,
  type ResolvedMark,
} from '../core/annotations';
import { findingsByPath } from '../core/checks';
import type { Finding, LocalizedText } from '../core/checks/types';
import type { Locale } from '../core/format';
import type { Claim } from '../core/types';
import {
  ANNOTATION_COMMAND_IDS,
  AnnotationsChangedNotification,
  type AnnotationsResult,
  type FactCheckReportParams,
  type FactCheckReportResult,
  type FigureAnnotation,
  type RemoveAnnotationParams,
  type SetAnnotationParams,
  type SetAnnotationResult,
} from '../protocol';
import type { AnalyzedDocument } from './analyzed';
import type { DocumentStore } from './documents';
import { say } from './locale';
import type { Report, Reports } from './reports';
import { uriToPath } from './uris';

/** Client commands the hover links and code actions run (registered by the extension). */
const ANNOTATION_COMMANDS = ANNOTATION_COMMAND_IDS;

const M = {
  heading: { en: 'Fact-check', zh: '核查' },
  unmarked: { en: 'not checked yet', zh: '尚未核查' },
  verified: { en: '✅ verified', zh: '✅ 已核实' },
  disputed: { en: '❌ disputed', zh: '❌ 有争议' },
  'needs-source': { en: '❓ needs a source', zh: '❓ 待补来源' },
  stale: { en: '⟳ stale: marked {0} when it read “{1}”; review it', zh: '⟳ 已过期：标记为{0}时原文为“{1}”，请重新核查' },
  source: { en: 'source', zh: '来源' },
  linkVerified: { en: 'Verified', zh: '已核实' },
  linkDisputed: { en: 'Disputed', zh: '有争议' },
  linkNeedsSource: { en: 'Needs source', zh: '待补来源' },
  linkRemove: { en: 'Remove mark', zh: '移除标记' },
  actionVerified: { en: 'Mark {0} as verified', zh: '将 {0} 标记为已核实' },
  actionDisputed: { en: 'Mark {0} as disputed', zh: '将 {0} 标记为有争议' },
  actionNeedsSource: { en: 'Mark {0} as needing a source', zh: '将 {0} 标记为待补来源' },
  actionRemove: { en: 'Remove the fact-check mark of {0}', zh: '移除 {0} 的核查标记' },
  noClaim: { en: 'There is no figure at this position.', zh: '此处没有数字。' },
  notOnDisk: { en: 'Save the document first: marks are kept next to files on disk.', zh: '请先保存文档：核查标记与磁盘上的文件一起保存。' },
  skipped: { en: 'This document is not analysed, so its figures cannot be marked.', zh: '该文档未做分析，无法标记其中的数字。' },
  corrupt: {
    en: 'zh-figures: {0} cannot be read ({1}). Its marks are not shown; the next mark you make first copies it to {2}.corrupt-<time>.',
    zh: 'zh-figures：无法读取 {0}（{1}）。其中的标记暂不显示；下次标记时会先把它备份为 {2}.corrupt-<时间>。',
  },
  backedUp: {
    en: 'zh-figures: the annotations file was corrupt ({0}); it was copied to {1} and a new one was started.',
    zh: 'zh-figures：核查标记文件已损坏（{0}）；已备份为 {1}，并新建了标记文件。',
  },
  writeFailed: { en: 'zh-figures: cannot write {0}: {1}', zh: 'zh-figures：无法写入 {0}：{1}' },
} satisfies Record<string, LocalizedText>;

interface Placed {
  doc: AnalyzedDocument;
  stamp: string;
  marks: ResolvedMark[];
}

/** Where a file's marks live. */
interface Location {
  store: AnnotationsFile;
  read: StoreRead;
  /** The file's path relative to the store's root, `/`-separated. */
  rel: string;
}

export class AnnotationService {
  private readonly stores = new Map<string, { file: AnnotationsFile; read: StoreRead }>();
  private readonly placed = new Map<string, Placed>();
  /** Corrupt store states already reported (path + stamp), so each is said once. */
  private readonly told = new Set<string>();
  locale: Locale = 'en';

  constructor(
    private readonly connection: Connection,
    private readonly documents: DocumentStore,
    private readonly reports: Reports
  ) {}

  /**
   * The root whose store holds a file's marks: the nearest folder at or above it holding a
   * store (not above its workspace folder), else its workspace folder, else its own folder.
   */
  rootFor(file: string): string {
    const folders = this.documents.workspaceFolders.filter((f) => file.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
    const folder = folders.sort((a, b) => b.length - a.length)[0];
    let d = path.dirname(file);
    for (;;) {
      if (fs.existsSync(path.join(d, ANNOTATIONS_DIR, ANNOTATIONS_FILE))) return d;
      if (folder ? d === folder : false) break;
      const parent = path.dirname(d);
      if (parent === d) break;
      d = parent;
    }
    return folder ?? path.dirname(file);
  }

  private storeAt(root: string): { file: AnnotationsFile; read: StoreRead } {
    let s = this.stores.get(root);
    if (!s) {
      const file = new AnnotationsFile(root);
      s = { file, read: file.read() };
      this.stores.set(root, s);
    } else if (s.file.stamp() !== s.read.stamp) {
      s.read = s.file.read();
    }
    if (s.read.error) this.tellCorrupt(s.file, s.read);
    return s;
  }

  private tellCorrupt(file: AnnotationsFile, read: StoreRead): void {
    const key = `${file.path}\u0000${read.stamp}`;
    if (this.told.has(key)) return;
    this.told.add(key);
    void this.connection.window.showWarningMessage(say(M.corrupt, this.locale, file.path, read.error ?? '', ANNOTATIONS_FILE));
  }

  private locate(uri: string): Location | undefined {
    const file = uriToPath(uri);
    if (!file) return undefined;
    const root = this.rootFor(file);
    const { file: store, read } = this.storeAt(root);
    const rel = store.relative(file);
    return rel ? { store, read, rel } : undefined;
  }

  /** The marks of a report placed on its analysed text (cached per version and store state). */
  place(report: Pick<Report, 'uri' | 'doc'>): { marks: ResolvedMark[]; location: Location | undefined } {
    const location = this.locate(report.uri);
    if (!location || report.doc.skipped) return { marks: [], location };
    const hit = this.placed.get(report.uri);
    if (hit && hit.doc === report.doc && hit.stamp === location.read.stamp) return { marks: hit.marks, location };
    const own = location.read.document.annotations.filter((a) => a.file === location.rel);
    const marks = resolveMarks(own, report.doc.text, report.doc.figures.claims);
    this.placed.set(report.uri, { doc: report.doc, stamp: location.read.stamp, marks });
    return { marks, location };
  }

  view(doc: AnalyzedDocument, m: ResolvedMark): FigureAnnotation {
    const a = m.annotation;
    return {
      id: a.id,
      status: a.status,
      stale: m.state === 'stale',
      note: a.note,
      source: a.source,
      markedText: a.claim,
      currentText: m.currentText,
      range: m.start === null ? null : doc.range(m.start, m.end!),
      updated: a.updated,
    };
  }

  /** `zhFigures/annotations`. */
  async list(uri: string): Promise<AnnotationsResult> {
    const report = await this.reports.get(uri);
    const empty = { uri, version: null, store: null, error: null, marks: [], counts: summarize(0, []) };
    if (!report) return empty;
    const { marks, location } = this.place(report);
    return {
      uri,
      version: report.doc.version,
      store: location?.store.path ?? null,
      error: location?.read.error ?? null,
      marks: marks.map((m) => this.view(report.doc, m)),
      counts: summarize(report.doc.figures.claims.length, marks),
    };
  }

  /** The mark on a claim: anchored on it, or stale and placed over it. */
  markOn(marks: ResolvedMark[], claims: Claim[], claim: Claim): ResolvedMark | undefined {
    const index = claims.indexOf(claim);
    return (
      marks.find((m) => m.claimIndex === index) ??
      marks.find((m) => m.claimIndex === null && m.start !== null && m.start < claim.end && claim.start < Math.max(m.end!, m.start + 1))
    );
  }

  /** `zhFigures/setAnnotation`. */
  async set(params: SetAnnotationParams): Promise<SetAnnotationResult> {
    const report = await this.reports.get(params.uri);
    if (!report) return { annotation: null, error: say(M.noClaim, this.locale) };
    if (report.doc.skipped) return { annotation: null, error: say(M.skipped, this.locale) };
    const claim = report.doc.figures.claimAt(report.doc.offsetAt(params.position));
    if (!claim) return { annotation: null, error: say(M.noClaim, this.locale) };
    const { marks, location } = this.place(report);
    if (!location) return { annotation: null, error: say(M.notOnDisk, this.locale) };
    const existing = this.markOn(marks, report.doc.figures.claims, claim);
    const annotation = markClaim(
      location.read.document,
      {
        file: location.rel,
        text: report.doc.text,
        claim,
        status: params.status,
        note: params.note,
        source: params.source,
        now: new Date().toISOString(),
        lines: report.doc.lines,
      },
      existing?.annotation
    );
    const written = this.write(location, [{ op: 'set', annotation }], params.uri);
    if (typeof written === 'string') return { annotation: null, error: written };
    const placed = this.place(report).marks.find((m) => m.annotation.id === annotation.id);
    return {
      annotation: placed ? this.view(report.doc, placed) : null,
      error: null,
      ...(written.backup ? { backup: written.backup } : {}),
    };
  }

  /** `zhFigures/removeAnnotation`. */
  async remove(params: RemoveAnnotationParams): Promise<{ removed: boolean; error: string | null }> {
    const report = await this.reports.get(params.uri);
    if (!report) return { removed: false, error: null };
    const { marks, location } = this.place(report);
    if (!location) return { removed: false, error: say(M.notOnDisk, this.locale) };
    let target: ResolvedMark | undefined;
    if (params.id) target = marks.find((m) => m.annotation.id === params.id);
    else if (params.position) {
      const claim = report.doc.figures.claimAt(report.doc.offsetAt(params.position));
      if (claim) target = this.markOn(marks, report.doc.figures.claims, claim);
    }
    const id = target?.annotation.id ?? params.id;
    if (!id || !location.read.document.annotations.some((a) => a.id === id)) return { removed: false, error: null };
    const written = this.write(location, [{ op: 'remove', id, at: new Date().toISOString() }], params.uri);
    if (typeof written === 'string') return { removed: false, error: written };
    return { removed: !written.document.annotations.some((a) => a.id === id), error: null };
  }

  /** Write operations through the store (merging with what is on disk); a message on failure. */
  private write(location: Location, ops: Parameters<AnnotationsFile['update']>[0], uri: string): ReturnType<AnnotationsFile['update']> | string {
    let result: ReturnType<AnnotationsFile['update']>;
    try {
      result = location.store.update(ops);
    } catch (e) {
      const message = say(M.writeFailed, this.locale, location.store.path, e instanceof Error ? e.message : String(e));
      void this.connection.window.showErrorMessage(message);
      return message;
    }
    if (result.backup) void this.connection.window.showWarningMessage(say(M.backedUp, this.locale, result.corruption ?? '', result.backup));
    // Re-read now so that the cache holds what was written (and its stamp).
    this.storeAt(location.store.root);
    void this.connection.sendNotification(AnnotationsChangedNotification, { uris: [uri] });
    return result;
  }

  /** The hover section of a claim: its verdict and links to change it. */
  hover(report: Pick<Report, 'uri' | 'doc'>, claim: Claim): string | undefined {
    const { marks, location } = this.place(report);
    if (!location) return undefined;
    const m = this.markOn(marks, report.doc.figures.claims, claim);
    const t = (x: LocalizedText) => say(x, this.locale);
    const sep = this.locale === 'zh' ? '：' : ': ';
    let line = `**${t(M.heading)}**${sep}`;
    if (!m) line += t(M.unmarked);
    else if (m.state === 'stale') line += say(M.stale, this.locale, t(M[m.annotation.status]), escapeMd(m.annotation.claim));
    else line += t(M[m.annotation.status]);
    if (m?.annotation.note) line += ` — ${escapeMd(m.annotation.note)}`;
    if (m?.annotation.source) {
      const s = m.annotation.source;
      line += /^https?:\/\/\S+$/.test(s) ? ` · [${t(M.source)}](${s.replace(/[()\s]/g, encodeURIComponent)})` : ` · ${t(M.source)}${sep}${escapeMd(s)}`;
    }
    const position = report.doc.lines.positionAt(claim.start);
    const link = (label: LocalizedText, command: string, args: unknown) =>
      `[${t(label)}](command:${command}?${encodeURIComponent(JSON.stringify([args]))})`;
    const target = { uri: report.uri, position };
    const links = [
      link(M.linkVerified, ANNOTATION_COMMANDS.verified, target),
      link(M.linkDisputed, ANNOTATION_COMMANDS.disputed, target),
      link(M.linkNeedsSource, ANNOTATION_COMMANDS['needs-source'], target),
    ];
    if (m) links.push(link(M.linkRemove, ANNOTATION_COMMANDS.remove, { uri: report.uri, id: m.annotation.id }));
    return `${line}\n\n${links.join(' · ')}`;
  }

  /** Code actions on the claim under the range: mark as verified / disputed / needs source, remove. */
  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    // Not on every cursor move (a light bulb on every figure): only when asked for (Ctrl+.).
    if (params.context.triggerKind === CodeActionTriggerKind.Automatic) return [];
    const only = params.context.only;
    if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.') || k === CodeActionKind.Empty)) return [];
    const doc = await this.documents.get(params.textDocument.uri);
    if (!doc || doc.skipped) return [];
    const claim = doc.figures.claimAt(doc.offsetAt(params.range.start));
    if (!claim) return [];
    const report = { uri: params.textDocument.uri, doc };
    const { marks, location } = this.place(report);
    if (!location) return [];
    const m = this.markOn(marks, doc.figures.claims, claim);
    const position: Position = doc.lines.positionAt(claim.start);
    const target = { uri: report.uri, position };
    const actions: CodeAction[] = [];
    const add = (title: LocalizedText, command: string, args: unknown) =>
      actions.push({ title: say(title, this.locale, claim.text), kind: CodeActionKind.QuickFix, command: { title: say(title, this.locale, claim.text), command, arguments: [args] } });
    const current = m && m.state === 'anchored' ? m.annotation.status : undefined;
    if (current !== 'verified') add(M.actionVerified, ANNOTATION_COMMANDS.verified, target);
    if (current !== 'disputed') add(M.actionDisputed, ANNOTATION_COMMANDS.disputed, target);
    if (current !== 'needs-source') add(M.actionNeedsSource, ANNOTATION_COMMANDS['needs-source'], target);
    if (m) add(M.actionRemove, ANNOTATION_COMMANDS.remove, { uri: report.uri, id: m.annotation.id });
    return actions;
  }

  /** For the tree: the mark of each claim (by index) and the marks that cannot be placed. */
  forTree(report: Report): { byClaim: Map<number, FigureAnnotation>; unplaced: FigureAnnotation[] } {
    const { marks } = this.place(report);
    const byClaim = new Map<number, FigureAnnotation>();
    const unplaced: FigureAnnotation[] = [];
    const claims = report.doc.figures.claims;
    for (const m of marks) {
      if (m.claimIndex !== null) byClaim.set(m.claimIndex, this.view(report.doc, m));
      else if (m.start !== null) {
        // Stale over text that is no longer a claim: show it on the claim it overlaps, if any.
        const i = claims.findIndex((c) => c.start < Math.max(m.end!, m.start! + 1) && m.start! < c.end);
        if (i >= 0 && !byClaim.has(i)) byClaim.set(i, this.view(report.doc, m));
        else unplaced.push(this.view(report.doc, m));
      } else unplaced.push(this.view(report.doc, m));
    }
    return { byClaim, unplaced };
  }

  /**
   * `zhFigures/factCheckReport`: the CLI's `report` for open and indexed files; `check` runs the
   * checks over every known report (cross-file findings included) as diagnostics do.
   */
  async report(params: FactCheckReportParams, check: (reports: Report[]) => Promise<Finding[]>): Promise<FactCheckReportResult> {
    const all = await this.reports.all();
    const wanted = params.uris?.length ? (await Promise.all(params.uris.map((u) => this.reports.get(u)))).filter((r): r is Report => !!r) : all;
    const list = wanted.filter((r) => !r.doc.skipped).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const listed = new Set(list.map((l) => l.uri));
    const findings = findingsByPath(await check([...list, ...all.filter((r) => !listed.has(r.uri))]));
    let marks = 0;
    const files = list.map((r) => {
      const placed = this.place(r);
      marks += placed.marks.length;
      return buildFileReport(
        {
          path: r.name,
          text: r.doc.text,
          claims: r.doc.figures.claims,
          marks: placed.marks,
          findings: findings.get(r.uri) ?? [],
          annotations: placed.location?.read.exists ? placed.location.store.path : null,
        },
        this.locale
      );
    });
    const content = params.format === 'json' ? reportJson(files) : params.format === 'csv' ? reportCsv(files) : reportMarkdown(files, this.locale);
    return { format: params.format, content, files: files.length, claims: files.reduce((n, f) => n + f.claims.length, 0), marks };
  }

  /** Forget placements of a closed document. */
  forget(uri: string): void {
    this.placed.delete(uri);
  }
}

function escapeMd(s: string): string {
  return s.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/[\r\n]+/g, ' ');
}
