// The shape of a consistency finding. Plain data shared by the CLI (`zh-figures check`) and
// the language server (diagnostics and code actions).
import type { DocumentAnalysis } from '../types';

/** Stable public codes (see README and docs/rules.md). */
export type RuleCode =
  | 'conflicting-values'
  | 'scale-slip'
  | 'growth-mismatch'
  | 'share-mismatch'
  | 'parts-exceed-total'
  | 'sum-mismatch'
  | 'percent-sum-over-100'
  | 'multiple-mismatch'
  | 'invalid-date'
  | 'weekday-mismatch'
  | 'percent-point-confusion'
  | 'qualifier-conflict'
  | 'mixed-numeral-style'
  | 'missing-unit'
  | 'approx-redundant';

/** Every code, in the order the documentation lists them. */
export const RULE_CODES: readonly RuleCode[] = [
  'conflicting-values',
  'scale-slip',
  'growth-mismatch',
  'share-mismatch',
  'parts-exceed-total',
  'sum-mismatch',
  'percent-sum-over-100',
  'multiple-mismatch',
  'invalid-date',
  'weekday-mismatch',
  'percent-point-confusion',
  'qualifier-conflict',
  'mixed-numeral-style',
  'missing-unit',
  'approx-redundant',
];

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Every user-visible message exists in English and Chinese; adapters pick by locale. */
export interface LocalizedText {
  en: string;
  zh: string;
}

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: LocalizedText;
  edits: TextEdit[];
}

export interface RelatedLocation {
  path: string;
  start: number;
  end: number;
  message: LocalizedText;
}

export interface Finding {
  code: RuleCode;
  severity: Severity;
  path: string;
  start: number;
  end: number;
  message: LocalizedText;
  related: RelatedLocation[];
  fixes: Fix[];
}

/** One analysed document as the checks see it. */
export interface CheckInput {
  path: string;
  analysis: DocumentAnalysis;
}
