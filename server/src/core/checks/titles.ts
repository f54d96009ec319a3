// One-line titles of the rules, for SARIF rule descriptions, hovers and docs.
import type { LocalizedText, RuleCode } from './types';

export const RULE_TITLES: Readonly<Record<RuleCode, LocalizedText>> = {
  'conflicting-values': { en: 'The same metric is stated with incompatible values', zh: '同一指标前后数值矛盾' },
  'scale-slip': { en: 'The same digits at a different scale (万/亿)', zh: '同一指标数字相同而数量级不同（万/亿）' },
  'growth-mismatch': { en: 'A growth or decline rate that does not follow from the stated values', zh: '增减幅度与前后数值不符' },
  'share-mismatch': { en: 'A share (占…%) that does not follow from the part and the whole', zh: '占比与部分、总体数值不符' },
  'parts-exceed-total': { en: 'Parts add up to more than their total', zh: '分项之和超过总数' },
  'sum-mismatch': { en: 'The parts of a complete split do not add up to the total', zh: '完整构成的分项之和与总数不符' },
  'percent-sum-over-100': { en: 'Shares of one breakdown add up to more than 100%', zh: '同一构成的各部分占比合计超过100%' },
  'multiple-mismatch': { en: 'A multiple (倍, 翻番) that contradicts the stated values', zh: '倍数（倍、翻番）与数值不符' },
  'invalid-date': { en: 'A calendar date that does not exist', zh: '日期不存在' },
  'weekday-mismatch': { en: 'The weekday does not match the date', zh: '星期与日期不符' },
  'percent-point-confusion': { en: 'Percent and percentage points confused', zh: '百分比与百分点混用' },
  'qualifier-conflict': { en: 'Qualifiers that contradict each other', zh: '限定词互相矛盾或重复' },
  'mixed-numeral-style': { en: 'Numbers of one kind written in two styles (GB/T 15835)', zh: '同类数字写法不统一（GB/T 15835）' },
  'missing-unit': { en: 'A money figure without its currency', zh: '金额缺少货币单位' },
  'approx-redundant': { en: 'Doubled approximation (约…左右)', zh: '约数表达重复（约……左右）' },
};
