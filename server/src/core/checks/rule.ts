// What a rule is and the small helpers every rule uses to word a finding. A rule reports
// drafts without severity; checkDocuments() applies the configured severity and silencing.
import type { Claim } from '../types';
import type { Fix, LocalizedText, RelatedLocation, RuleCode, TextEdit } from './types';
import type { DocContext } from './context';

export interface Draft {
  code: RuleCode;
  path: string;
  start: number;
  end: number;
  message: LocalizedText;
  related: RelatedLocation[];
  fixes: Fix[];
}

/** A rule that reads one document at a time. */
export interface DocumentRule {
  code: RuleCode;
  scope: 'document';
  /**
   * 'paragraph': the rule's findings on a paragraph depend only on that paragraph's text and
   * figures (its sentences and clauses never cross a line break), the line breaks around it and
   * the base date. The server then checks an edited document paragraph by paragraph and reuses
   * the findings of the paragraphs an edit did not touch. Mark a rule so only after checking
   * that it reads nothing else (no document period, no earlier paragraph, no whole-text scan).
   */
  locality?: 'paragraph';
  check(doc: DocContext): Draft[];
}

/**
 * A rule that compares figures across every document of one run (conflicting-values,
 * scale-slip). With `focus`, only findings in those documents are wanted: the others are
 * background to compare with, which keeps a keystroke in a large workspace cheap.
 */
export interface CrossFileRule {
  code: RuleCode;
  scope: 'cross-file';
  check(docs: DocContext[], focus?: ReadonlySet<DocContext>): Draft[];
}

export type Rule = DocumentRule | CrossFileRule;

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
