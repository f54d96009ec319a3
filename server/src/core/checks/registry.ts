// Every rule, in the order of docs/rules.md, and the three kinds the runners treat apart.
import type { CrossFileRule, ParagraphRule, Rule, SplitRule } from './rule';
import { conflictingValues } from './rules/conflicting-values';
import { scaleSlip } from './rules/scale-slip';
import { growthMismatch } from './rules/growth-mismatch';
import { shareMismatch } from './rules/share-mismatch';
import { partsExceedTotal } from './rules/parts-exceed-total';
import { sumMismatch } from './rules/sum-mismatch';
import { percentSumOver100 } from './rules/percent-sum-over-100';
import { multipleMismatch } from './rules/multiple-mismatch';
import { invalidDate } from './rules/invalid-date';
import { weekdayMismatch } from './rules/weekday-mismatch';
import { percentPointConfusion } from './rules/percent-point-confusion';
import { qualifierConflict } from './rules/qualifier-conflict';
import { mixedNumeralStyle } from './rules/mixed-numeral-style';
import { missingUnit } from './rules/missing-unit';
import { approxRedundant } from './rules/approx-redundant';

export const RULES: readonly Rule[] = [
  conflictingValues,
  scaleSlip,
  growthMismatch,
  shareMismatch,
  partsExceedTotal,
  sumMismatch,
  percentSumOver100,
  multipleMismatch,
  invalidDate,
  weekdayMismatch,
  percentPointConfusion,
  qualifierConflict,
  mixedNumeralStyle,
  missingUnit,
  approxRedundant,
];

export const PARAGRAPH_RULES: readonly ParagraphRule[] = RULES.filter((r): r is ParagraphRule => r.scope === 'document' && r.locality === 'paragraph');
export const SPLIT_RULES: readonly SplitRule[] = RULES.filter((r): r is SplitRule => r.scope === 'document' && r.locality === 'split');
export const CROSS_FILE_RULES: readonly CrossFileRule[] = RULES.filter((r): r is CrossFileRule => r.scope === 'cross-file');
