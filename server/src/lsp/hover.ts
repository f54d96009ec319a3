// Hover: a lookup (binary search) in the analysis of the current version, never an analysis.
// On a figure: full digits, the 万/亿 form, the English scale, the qualifier as an interval,
// kind, unit, subject and the conversions writers need; dates with ISO form, weekday and how a
// relative date was resolved. On an entity: its type and how many figures are said of it.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import {
  KIND_LABELS,
  QUALIFIER_LABELS,
  conversions,
  currency,
  dateDetails,
  englishScaleText,
  fullValue,
  intervalText,
  pick,
  qualifierSentence,
  unitText,
  wanYiForm,
  withUnit,
  type Locale,
} from '../core/format';
import type { Claim, Entity, EntityType } from '../core/types';
import type { AnalyzedDocument } from './analyzed';
import type { DocumentStore } from './documents';

const ENTITY_TYPES: Record<EntityType, { en: string; zh: string }> = {
  org: { en: 'organization', zh: '机构' },
  person: { en: 'person', zh: '人物' },
  place: { en: 'place', zh: '地点' },
  work: { en: 'work (title)', zh: '作品（书名）' },
  product: { en: 'product', zh: '产品' },
};

const L = {
  subject: { en: 'Subject', zh: '主语' },
  unit: { en: 'Unit', zh: '单位' },
  stated: { en: 'Stated', zh: '限定' },
  range: { en: 'Range', zh: '区间' },
  conversions: { en: 'Conversions', zh: '换算' },
  weekday: { en: 'Weekday', zh: '星期' },
  covers: { en: 'Covers', zh: '范围' },
  resolved: { en: 'Resolved', zh: '推算' },
  vague: { en: 'vague amount', zh: '概数' },
  figures: { en: 'Figures said of it in this document', zh: '本文中与其相关的数字' },
  mentions: { en: 'Mentions in this document', zh: '本文中出现次数' },
};

/** Kinds for which 万/亿 and the English scale say something. */
const MAGNITUDE_KINDS = new Set(['count', 'money', 'quantity']);

/** Extra sections for a claim's hover (the fact-check verdict), appended after a rule. */
export type ClaimHoverExtra = (doc: AnalyzedDocument, claim: Claim) => string | undefined;

export async function provideHover(store: DocumentStore, params: HoverParams, locale: Locale, extra?: ClaimHoverExtra): Promise<Hover | null> {
  const doc = await store.get(params.textDocument.uri);
  if (!doc || doc.skipped) return null;
  const offset = doc.offsetAt(params.position);
  const claim = doc.figures.claimAt(offset);
  if (claim) {
    const more = extra?.(doc, claim);
    const value = more ? `${claimHover(claim, locale)}\n\n---\n\n${more}` : claimHover(claim, locale);
    return { contents: { kind: MarkupKind.Markdown, value }, range: doc.range(claim.start, claim.end) };
  }
  const entity = doc.figures.entityAt(offset);
  if (entity) return { contents: { kind: MarkupKind.Markdown, value: entityHover(doc, entity, locale) }, range: doc.range(entity.start, entity.end) };
  return null;
}

function md(s: string): string {
  return s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function magnitudeLine(claim: Claim): string {
  const v = claim.value!;
  const unit = unitText(claim, 'zh');
  const parts = [fullValue(claim, 'zh')];
  const hi = claim.upper !== null && claim.upper !== v ? claim.upper : null;
  if (Math.abs(v) >= 1e4 || (hi !== null && Math.abs(hi) >= 1e4)) {
    const wan = hi === null ? wanYiForm(v) : `${wanYiForm(v)}–${wanYiForm(hi)}`;
    // "64 万项", "38.87 亿元": the unit joins the scale word; plain digits keep the space.
    parts.push(/[万亿]$/.test(wan) && unit !== '%' ? wan + unit : withUnit(wan, unit));
  }
  if (Math.abs(v) >= 1000) {
    const tail = claim.kind === 'money' ? ` ${currency(claim.unit).code}` : claim.kind === 'quantity' ? ` ${unitText(claim, 'en')}` : '';
    parts.push((hi === null ? englishScaleText(v) : `${englishScaleText(v)} – ${englishScaleText(hi)}`) + tail);
  }
  return parts.join(' · ');
}

export function claimHover(claim: Claim, locale: Locale): string {
  const lines: string[] = [];
  const kind = pick(KIND_LABELS[claim.kind], locale);
  lines.push(`**${md(claim.text)}** · ${kind}${claim.vague ? ` (${pick(L.vague, locale)})` : ''}`);
  lines.push('');
  const items: string[] = [];
  const sep = locale === 'zh' ? '：' : ': ';
  if (claim.kind === 'date' || claim.kind === 'time') {
    const d = dateDetails(claim);
    lines.push(d ? `\`${d.iso}\`` : md(claim.text));
    if (d?.weekday) items.push(`${pick(L.weekday, locale)}${sep}${pick(d.weekday, locale)}`);
    if (d?.span) items.push(`${pick(L.covers, locale)}${sep}${d.span[0]} – ${d.span[1]}`);
    if (d?.resolved) items.push(`${pick(L.resolved, locale)}${sep}${md(pick(d.resolved, locale))}`);
  } else if (claim.value !== null) {
    lines.push(MAGNITUDE_KINDS.has(claim.kind) ? md(magnitudeLine(claim)) : md(fullValue(claim, 'zh')));
    const interval = intervalText(claim, locale);
    if (claim.qualifier !== 'exact') {
      const words = claim.qualifierText ? ` (${md(claim.qualifierText)})` : '';
      items.push(`${pick(L.stated, locale)}${sep}${md(qualifierSentence(claim, locale))} — \`${interval}\`${words}`);
    } else if (claim.upper !== null && claim.upper !== claim.value) {
      items.push(`${pick(L.range, locale)}${sep}\`${interval}\``);
    }
    const unit = unitText(claim, 'zh');
    if (unit) items.push(`${pick(L.unit, locale)}${sep}${md(unit)}${claim.kind === 'money' ? ` (${currency(claim.unit).code}, ${md(currency(claim.unit).symbol)})` : ''}`);
    const conv = conversions(claim);
    if (conv.length) items.push(`${pick(L.conversions, locale)}${sep}${conv.map(md).join(' · ')}`);
  }
  if (claim.subject) items.unshift(`${pick(L.subject, locale)}${sep}${md(claim.subject)}`);
  if (claim.qualifier !== 'exact' && claim.value === null) items.push(`${pick(QUALIFIER_LABELS[claim.qualifier], locale)}`);
  if (items.length) {
    lines.push('');
    for (const it of items) lines.push(`- ${it}`);
  }
  return lines.join('\n');
}

function entityHover(doc: AnalyzedDocument, entity: Entity, locale: Locale): string {
  const sep = locale === 'zh' ? '：' : ': ';
  let mentions = 0;
  for (const e of doc.figures.entities) if (e.text === entity.text) mentions++;
  return [
    `**${md(entity.text)}** · ${pick(ENTITY_TYPES[entity.type], locale)}`,
    '',
    `- ${pick(L.figures, locale)}${sep}${doc.figures.figuresOfEntity(entity.text)}`,
    `- ${pick(L.mentions, locale)}${sep}${mentions}`,
  ].join('\n');
}
