// The vocabulary of the analysis core. Plain data, no editor or protocol types: the
// language server, the CLI and the tests all read these same shapes.

/** What a figure measures; the names are the public CLI contract. */
export type ClaimKind =
  | 'count'
  | 'money'
  | 'percent'
  | 'percent-point'
  | 'multiple'
  | 'fraction'
  | 'date'
  | 'time'
  | 'duration'
  | 'quantity'
  | 'ordinal';

/** How the text bounds the value; the names are the public CLI contract. */
export type Qualifier = 'exact' | 'about' | 'over' | 'at-least' | 'under' | 'at-most' | 'nearly';

/** Which numeral system a figure is written in (GB/T 15835 cares). */
export type NumeralStyle = 'arabic' | 'chinese' | 'mixed';

/** One numeric claim found in the text. */
export interface Claim {
  /** Exact source substring: qualifier + number + unit, e.g. "超64万项". */
  text: string;
  /** UTF-16 offsets into the document text, end exclusive. */
  start: number;
  end: number;
  kind: ClaimKind;
  /** Value in the base unit (lower bound for ranges); null for date and time. */
  value: number | null;
  /** Upper bound for ranges and vague amounts, else null. */
  upper: number | null;
  /** Base unit: measure word for counts, ISO 4217 for money, "%", "‰", "pp", SI-ish symbols. */
  unit: string;
  qualifier: Qualifier;
  /** ISO 8601 for dates ("2021", "2021-03", "2021-03-31", "2023-Q1", "2023-H1"), else null. */
  date: string | null;
  /** Short phrase naming what is measured, "" when none. */
  subject: string;

  // Detail used by checks, hovers and formatting. Not part of the CLI contract.
  /** The numeral as written, without qualifier and unit ("38.87", "两万五"). */
  numeral: string;
  /** Scale words as written right after the numeral ("亿", "万", "千万", ""). */
  scale: string;
  /** The unit as written in the text ("亿元" → "元", "项", "%", "个百分点"). */
  unitText: string;
  /** Qualifier words as written, joined by "…" when on both sides ("约…左右"); "" if none. */
  qualifierText: string;
  /** Value of one step in the last written digit, in base units (38.87亿 → 1e6; 64万 → 1e4). */
  step: number;
  style: NumeralStyle;
  /** A vague amount (数十万, 上千, 近百) rather than a stated figure. */
  vague: boolean;
  /** For relative dates: the phrase that was resolved ("去年底") and the base it was resolved against. */
  relative?: { phrase: string; base: string };
  /** Per-qualifier detail: every qualifier word found around the number, in text order. */
  qualifierWords: string[];
}

export type EntityType = 'org' | 'person' | 'place' | 'work' | 'product';

export interface Entity {
  text: string;
  start: number;
  end: number;
  type: EntityType;
}

/** A user dictionary entry: names the stock dictionary lacks. */
export interface UserWord {
  word: string;
  type: EntityType;
}

export interface AnalysisOptions {
  /** YYYY-MM-DD; overrides the publication date found in the text for relative dates. */
  baseDate?: string;
  /** Extra entity names (org, person, place, work, product). */
  userWords?: UserWord[];
}

/** What one paragraph holds, at offsets from the paragraph's start. */
export interface ParagraphFigures {
  readonly claims: readonly Claim[];
  readonly entities: readonly Entity[];
}

/** A paragraph: the unit of incremental analysis. */
export interface Paragraph {
  start: number;
  end: number;
}

export interface DocumentAnalysis {
  /** The text analysed; claim and entity offsets point into it. */
  text: string;
  claims: Claim[];
  entities: Entity[];
  paragraphs: Paragraph[];
  /**
   * Per paragraph, its figures at paragraph offsets: the cached analysis of its text, the same
   * object for the same text, base date and dictionary, so that work derived from a paragraph
   * (its checks) can be cached with it. Absent for analyses not made by analyzeText.
   */
  paragraphResults?: readonly ParagraphFigures[];
  /** The date relative dates were resolved against (YYYY-MM-DD), and where it came from. */
  baseDate: string | null;
  baseDateSource: 'option' | 'text' | 'none';
}
