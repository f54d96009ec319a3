// The one place the server calls the checks. Each report is passed under its URI as path, so
// findings and related locations map back to URIs.
//
// Typing must not re-check the workspace. So:
// - per-document rules run once per analysed version (cached on the AnalyzedDocument);
// - the cross-file rules (conflicting-values, scale-slip) run over rule contexts cached per
//   analysed version too, so their metric statements are built once per version, not once per
//   keystroke for every indexed report;
// - when only some reports' findings are wanted (the open documents), the cross-file rules see
//   those reports plus the reports that state one of their metrics: both cross-file rules only
//   ever pair statements of one metric key, so the others cannot change the wanted findings;
// - the rules marked `locality: 'paragraph'` run paragraph by paragraph, their findings cached
//   by the paragraph's text (with the line breaks around it), the base date and the settings,
//   so that an edit re-checks them only in the paragraphs it touched.
import { BoundedCache } from '../core/bounded-cache';
import { DEFAULT_SEVERITIES, RULES, applySuppressions, checkDocuments, type RuleSettings } from '../core/checks';
import { DocContext } from '../core/checks/context';
import type { Draft, DocumentRule } from '../core/checks/rule';
import { metricStatements } from '../core/checks/statements';
import type { Finding, RuleCode } from '../core/checks/types';
import type { DocumentAnalysis } from '../core/types';
import type { AnalyzedDocument } from './analyzed';
import type { Report } from './reports';

const CROSS_FILE_RULES = RULES.filter((r) => r.scope === 'cross-file');
const CROSS_FILE = CROSS_FILE_RULES.map((r) => r.code);
/** Cross-file rules known to compare only statements of one metric key (comparablePairs). */
const KEYED_RULES = new Set<RuleCode>(['conflicting-values', 'scale-slip']);
const ALL_KEYED = CROSS_FILE.every((c) => KEYED_RULES.has(c));
const PARAGRAPH_RULES = RULES.filter((r): r is DocumentRule => r.scope === 'document' && r.locality === 'paragraph');
const PARAGRAPH = PARAGRAPH_RULES.map((r) => r.code);

/**
 * Findings of the paragraph-local rules per paragraph window, offsets relative to the window:
 * least recently used first out, bounded by count and by the characters held in keys.
 */
const paragraphFindings = new BoundedCache<Draft[]>(40000);

/** Cache statistics, for tests that prove an edit re-checks only what it touched. */
export function paragraphCheckStats(): { hits: number; misses: number } {
  return { hits: paragraphFindings.hits, misses: paragraphFindings.misses };
}

function shiftDraft(d: Draft, by: number, path: string): Draft {
  return {
    ...d,
    path,
    start: d.start + by,
    end: d.end + by,
    related: d.related.map((r) => (r.path === '' ? { ...r, path, start: r.start + by, end: r.end + by } : r)),
    fixes: d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) })),
  };
}

/**
 * The paragraph-local rules' drafts for one document, checked paragraph by paragraph. Each
 * paragraph is read in a window from the end of the paragraph before it to the start of the
 * next one, so the line breaks and 　　 indents around it split sentences as in the whole text.
 */
function paragraphDrafts(path: string, analysis: DocumentAnalysis, codes: RuleCode[]): Draft[] {
  const rules = PARAGRAPH_RULES.filter((r) => codes.includes(r.code));
  if (!rules.length) return [];
  const text = analysis.text;
  const paras = analysis.paragraphs;
  const claims = [...analysis.claims].sort((a, b) => a.start - b.start || a.end - b.end);
  const entities = [...analysis.entities].sort((a, b) => a.start - b.start);
  const prefix = `${rules.map((r) => r.code).join(',')}\u0001${analysis.baseDate ?? ''}\u0001`;
  const out: Draft[] = [];
  let ci = 0;
  let ei = 0;
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    const from = i > 0 ? paras[i - 1].end : 0;
    const to = i + 1 < paras.length ? paras[i + 1].start : text.length;
    // Claims and entities lie inside one paragraph (they are found paragraph by paragraph).
    while (ci < claims.length && claims[ci].start < p.start) ci++;
    let cj = ci;
    while (cj < claims.length && claims[cj].start < p.end) cj++;
    while (ei < entities.length && entities[ei].start < p.start) ei++;
    let ej = ei;
    while (ej < entities.length && entities[ej].start < p.end) ej++;
    const window = text.slice(from, to);
    const key = prefix + window;
    let drafts = paragraphFindings.get(key);
    if (!drafts) {
      const local = new DocContext('', {
        text: window,
        claims: claims.slice(ci, cj).map((c) => ({ ...c, start: c.start - from, end: c.end - from })),
        entities: entities.slice(ei, ej).map((e) => ({ ...e, start: e.start - from, end: e.end - from })),
        paragraphs: [{ start: p.start - from, end: p.end - from }],
        baseDate: analysis.baseDate,
        baseDateSource: analysis.baseDateSource,
      });
      drafts = [];
      for (const rule of rules) {
        try {
          drafts.push(...rule.check(local));
        } catch (e) {
          // One broken rule must not take the others down (as in checkDocuments).
          if (process.env.ZH_FIGURES_DEBUG) throw e;
        }
      }
      // A flat copy of the key: a slice would keep this whole version of the text alive.
      paragraphFindings.set((key + '\u0000').slice(0, -1), drafts);
    }
    for (const d of drafts) out.push(shiftDraft(d, from, path));
    ci = cj;
    ei = ej;
  }
  return out;
}

/**
 * checkDocuments() of one report with `rules`, the paragraph-local rules answered from the
 * paragraph cache: the same findings, in the same order.
 */
function checkOne(path: string, analysis: DocumentAnalysis, rules: RuleSettings): Finding[] {
  const setting = (code: RuleCode) => rules[code] ?? DEFAULT_SEVERITIES[code];
  const local = PARAGRAPH.filter((c) => setting(c) !== 'off');
  const rest = checkDocuments([{ path, analysis }], { rules: without(rules, PARAGRAPH), ignoreSuppressions: true });
  if (!local.length) return applySuppressions(rest, analysis.text);
  const byRule = new Map<RuleCode, Draft[]>();
  for (const d of paragraphDrafts(path, analysis, local)) {
    let list = byRule.get(d.code);
    if (!list) byRule.set(d.code, (list = []));
    list.push(d);
  }
  const found: Finding[] = [...rest];
  const seen = new Set<string>();
  // Rule by rule in RULES order, as checkDocuments() keeps the first of duplicate drafts.
  for (const code of PARAGRAPH) {
    for (const d of byRule.get(code) ?? []) {
      const key = `${d.code}\u0000${d.start}\u0000${d.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ ...d, severity: setting(d.code) as Finding['severity'] });
    }
  }
  return applySuppressions(found, analysis.text).sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
}

function without(rules: RuleSettings, codes: readonly RuleCode[]): RuleSettings {
  const out: RuleSettings = { ...rules };
  for (const c of codes) out[c] = 'off';
  return out;
}

/** Per-document findings, keyed on the analysed version and the rule settings they used. */
const perDocument = new WeakMap<AnalyzedDocument, { key: string; findings: Finding[] }>();
/** Rule contexts (and the metric keys they state) per analysed version and path. */
const contexts = new WeakMap<AnalyzedDocument, { path: string; context: DocContext; keys?: Set<string> }>();

function contextOf(doc: AnalyzedDocument, path: string): DocContext {
  let hit = contexts.get(doc);
  if (!hit || hit.path !== path) {
    hit = { path, context: new DocContext(path, doc.analysis) };
    contexts.set(doc, hit);
  }
  return hit.context;
}

function metricKeysOf(doc: AnalyzedDocument, path: string): Set<string> {
  contextOf(doc, path);
  const hit = contexts.get(doc)!;
  return (hit.keys ??= new Set(metricStatements(hit.context).map((s) => s.key)));
}

interface Input {
  path: string;
  doc: AnalyzedDocument;
  rules: RuleSettings;
}

/**
 * Findings of every enabled rule for the reports; with `focus` (URIs), only the findings of
 * those reports are computed and returned, the other reports serving as the cross-file
 * background. Equal to checkDocuments() over all reports, restricted to the focus.
 */
export function runChecks(reports: Report[], rulesFor: (uri: string) => RuleSettings, focus?: ReadonlySet<string>): Finding[] {
  const inputs: Input[] = [];
  for (const r of reports) {
    if (!r.doc.skipped) inputs.push({ path: r.uri, doc: r.doc, rules: rulesFor(r.uri) });
  }
  if (!inputs.length) return [];
  const wanted = focus ? inputs.filter((i) => focus.has(i.path)) : inputs;
  if (!wanted.length) return [];
  if (inputs.length === 1) {
    // One report: the cross-file rules only see its own pairs, so one run of every rule gives
    // the same findings as the two runs below, and builds the document's context once.
    const [input] = inputs;
    const key = JSON.stringify(input.rules) + input.path + '\u0000all';
    let hit = perDocument.get(input.doc);
    if (!hit || hit.key !== key) {
      hit = { key, findings: checkOne(input.path, input.doc.analysis, input.rules) };
      perDocument.set(input.doc, hit);
    }
    return [...hit.findings];
  }
  const out: Finding[] = [];
  for (const input of wanted) {
    const rules = without(input.rules, CROSS_FILE);
    const key = JSON.stringify(rules) + input.path;
    let hit = perDocument.get(input.doc);
    if (!hit || hit.key !== key) {
      hit = { key, findings: checkOne(input.path, input.doc.analysis, rules) };
      perDocument.set(input.doc, hit);
    }
    out.push(...hit.findings);
  }
  out.push(...crossFile(background(inputs, wanted), new Set(wanted.map((w) => w.path))));
  return out;
}

/** The reports the cross-file rules must see for the findings of `wanted` to be exact. */
function background(inputs: Input[], wanted: Input[]): Input[] {
  if (wanted.length === inputs.length || !ALL_KEYED) return inputs;
  const keys = new Set<string>();
  for (const w of wanted) for (const k of metricKeysOf(w.doc, w.path)) keys.add(k);
  const want = new Set(wanted);
  return inputs.filter((i) => {
    if (want.has(i)) return true;
    for (const k of metricKeysOf(i.doc, i.path)) if (keys.has(k)) return true;
    return false;
  });
}

/**
 * The cross-file rules over cached contexts, with what checkDocuments() does after the rules:
 * per-file severity, duplicates dropped, silencing markers, order by offset.
 */
function crossFile(inputs: Input[], wanted: Set<string>): Finding[] {
  const docs = inputs.map((i) => contextOf(i.doc, i.path));
  const focus = wanted.size === inputs.length ? undefined : new Set(docs.filter((d) => wanted.has(d.path)));
  const byPath = new Map(inputs.map((i) => [i.path, i]));
  const settingFor = (code: RuleCode, path: string) => byPath.get(path)?.rules[code] ?? DEFAULT_SEVERITIES[code];
  const drafts: Draft[] = [];
  for (const rule of CROSS_FILE_RULES) {
    if (rule.scope !== 'cross-file' || inputs.every((i) => settingFor(rule.code, i.path) === 'off')) continue;
    try {
      drafts.push(...rule.check(docs, focus));
    } catch (e) {
      // One broken rule must not take the others down (as in checkDocuments).
      if (process.env.ZH_FIGURES_DEBUG) throw e;
    }
  }
  const lists = new Map<string, Finding[]>();
  const seen = new Set<string>();
  for (const d of drafts) {
    if (!wanted.has(d.path)) continue;
    const severity = settingFor(d.code, d.path);
    if (severity === 'off') continue;
    const key = `${d.path}\u0000${d.code}\u0000${d.start}\u0000${d.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let list = lists.get(d.path);
    if (!list) lists.set(d.path, (list = []));
    list.push({ ...d, severity });
  }
  const out: Finding[] = [];
  for (const input of inputs) {
    const list = lists.get(input.path);
    if (!list) continue;
    lists.delete(input.path);
    out.push(...applySuppressions(list, input.doc.analysis.text).sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code)));
  }
  return out;
}
