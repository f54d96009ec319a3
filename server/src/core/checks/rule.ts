// What a rule is and the small helpers every rule uses to word a finding. A rule reports
// drafts without severity; checkDocuments() applies the configured severity and silencing.
import type { Claim } from '../types';
import type { Fix, LocalizedText, RelatedLocation, RuleCode, TextEdit } from './types';
import type { DocContext } from './context';
import type { PeriodEnv } from './metric';
import type { PerParagraph } from './paragraph-list';
import type { PairMemo, StatementDoc } from './statements';

export interface Draft {
  code: RuleCode;
  path: string;
  start: number;
  end: number;
  message: LocalizedText;
  related: RelatedLocation[];
  fixes: Fix[];
}

/**
 * A rule whose findings on a paragraph depend only on that paragraph: its text and figures,
 * the line breaks around it and the base date. It is run on each paragraph's window (see
 * windows.ts), so that an edit re-checks only the paragraphs it touched.
 */
export interface ParagraphRule {
  code: RuleCode;
  scope: 'document';
  locality: 'paragraph';
  check(window: DocContext): Draft[];
}

/**
 * A rule that also needs what other paragraphs say (the first figure of a kind in Arabic
 * digits, the figures of a subject): each paragraph's window is read on its own (`collect`,
 * cached like a paragraph rule's findings), then what they hold is combined (`conclude`),
 * which must stay cheap: it runs on every edit, over every paragraph's contribution.
 */
export interface SplitRule<T = unknown> {
  code: RuleCode;
  scope: 'document';
  locality: 'split';
  /** What the paragraph holds for the rule; undefined when it holds nothing the rule needs. */
  collect(window: DocContext): T | undefined;
  conclude(doc: DocumentParts<T>): Draft[];
}

/** What a split rule collected from each paragraph of one document, in text order. */
export interface DocumentParts<T> {
  path: string;
  /** The whole text, for what spans paragraphs (a list under a heading line). */
  text: string;
  /** Per paragraph: where its window starts (window offset + at = document offset). */
  at: PerParagraph<number>;
  /** Per paragraph: what its periods resolve against. */
  envs: PerParagraph<PeriodEnv>;
  /** Per paragraph: what the rule collected there (undefined where it could not). */
  values: PerParagraph<T | undefined>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DocumentRule = ParagraphRule | SplitRule<any>;

/**
 * A rule that compares metric statements across every document of one run (conflicting-values,
 * scale-slip). With `focus` (paths), only findings in those documents are wanted: the others
 * are background to compare with, which keeps a keystroke in a large workspace cheap.
 */
export interface CrossFileRule {
  code: RuleCode;
  scope: 'cross-file';
  check(docs: StatementDoc[], focus?: ReadonlySet<string>, memo?: PairMemo): Draft[];
}

export type Rule = DocumentRule | CrossFileRule;

/**
 * A draft found at window offsets, moved to the document (`by` = the window's start). Spelled
 * out, and the lists with nothing to move kept as they are: every keystroke moves the drafts
 * of the paragraphs after it.
 */
export function shiftDraft(d: Draft, by: number, path: string): Draft {
  return {
    code: d.code,
    path,
    start: d.start + by,
    end: d.end + by,
    message: d.message,
    related: shiftRelated(d.related, by, path),
    fixes: d.fixes.length === 0 ? d.fixes : d.fixes.map((f) => ({ title: f.title, edits: f.edits.map((e) => ({ start: e.start + by, end: e.end + by, newText: e.newText })) })),
  };
}

/** Related locations in the window (path '') moved; those already placed stay (the same list when all are). */
function shiftRelated(related: RelatedLocation[], by: number, path: string): RelatedLocation[] {
  let k = 0;
  while (k < related.length && related[k].path !== '') k++;
  if (k === related.length) return related;
  return related.map((r) => (r.path === '' ? { path, start: r.start + by, end: r.end + by, message: r.message } : r));
}

export function text(en: string, zh: string): LocalizedText {
  return { en, zh };
}

/** A related location pointing at a figure. */
export function relatedTo(doc: DocContext, claim: Claim, message: LocalizedText): RelatedLocation {
  return { path: doc.path, start: claim.start, end: claim.end, message };
}

export function draftAt(
  doc: DocContext,
  code: RuleCode,
  at: { start: number; end: number },
  message: LocalizedText,
  related: RelatedLocation[] = [],
  fixes: Fix[] = []
): Draft {
  return { code, path: doc.path, start: at.start, end: at.end, message, related, fixes };
}

export function fix(title: LocalizedText, ...edits: TextEdit[]): Fix {
  return { title, edits };
}

/** A percentage as an editor restates it: one decimal unless more are needed to show it. */
export function pct(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '-∞';
  const r = Math.round(n * 10) / 10;
  return (Object.is(r, -0) ? 0 : r).toFixed(1);
}

/** A signed percentage, "+20.0" / "-14.0". */
export function signedPct(n: number): string {
  const s = pct(n);
  return n >= 0 ? `+${s}` : s;
}

/** A ratio as a multiple, "2.4". */
export function times(n: number): string {
  return (Math.round(n * 100) / 100).toString();
}
