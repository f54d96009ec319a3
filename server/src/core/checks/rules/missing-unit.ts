// missing-unit: a money figure written without its currency (涉案金额达38.87亿) where figures of
// the same subject in the document carry one (涉案金额超6000万元). 用户8.4亿 is a count: no money
// subject, no finding.
import type { Claim } from '../../types';
import { DocContext } from '../context';
import { DocumentParts, Draft, fix, shiftDraft, SplitRule, text } from '../rule';
import { derivedDrafts, firstOfEach, keysOfParts, NO_DRAFTS, partDrafts, reuseUnless } from '../combine';

const MONEY_SUBJECT = /(金额|营收|收入|GMV|gmv|销售额|成交额|交易额|利润|资金|费用|投资|融资|产值|税收|成本|估值|货值|罚款|赔偿|市值|总额|营业额|规模)/;
const CURRENCY = /(元|美元|港元|港币|欧元|日元|英镑|人民币|¥|￥|\$|RMB|USD|CNY)/;

function hasCurrency(doc: DocContext, c: Claim): boolean {
  return CURRENCY.test(c.text) || CURRENCY.test(c.unitText) || /^(元|美元|港元|欧元|日元|英镑)/.test(doc.slice(c.end, c.end + 2)) || /(人民币|¥|￥|\$|US\$|RMB)\s*$/.test(doc.slice(c.start - 4, c.start));
}

function subjectHead(s: string): string {
  const m = MONEY_SUBJECT.exec(s);
  return m ? m[1] : '';
}

/** What one paragraph holds: its first figure with a currency per subject head, and figures without. */
interface UnitFacts {
  withCurrency: Map<string, Claim>;
  without: { claim: Claim; head: string; at: number }[];
}

export const missingUnit: SplitRule<UnitFacts> = {
  code: 'missing-unit',
  scope: 'document',
  locality: 'split',
  collect(doc: DocContext) {
    const withCurrency = new Map<string, Claim>();
    const without: UnitFacts['without'] = [];
    for (const c of doc.claims) {
      if (c.kind === 'money' && hasCurrency(doc, c)) {
        const h = subjectHead(c.subject || doc.before(c, 8));
        if (!withCurrency.has(h)) withCurrency.set(h, c);
      }
      if (c.value === null || (c.kind !== 'money' && c.kind !== 'count')) continue;
      if (c.kind === 'count' && c.unit !== '') continue;
      if (hasCurrency(doc, c)) continue;
      const head = subjectHead(c.subject || doc.before(c, 8));
      if (!head) continue;
      // Where the currency goes: right after the numeral and its scale.
      const core = c.text.indexOf(c.numeral + c.scale);
      without.push({ claim: c, head, at: core >= 0 ? c.start + core + c.numeral.length + c.scale.length : c.end });
    }
    return withCurrency.size || without.length ? { withCurrency, without } : undefined;
  },
  // The peer of a figure without currency: the document's first figure of its subject head
  // that has one.
  conclude(doc: DocumentParts<UnitFacts>) {
    const path = doc.path;
    const wanted = keysOfParts(doc, (value, visit) => {
      for (let k = 0; k < value.without.length; k++) visit(value.without[k].head);
    }, 'missing-unit');
    const { found: peers, changed } = firstOfEach(doc, wanted.keys(), (value) => value.withCurrency, 'missing-unit');
    return partDrafts(doc, 'missing-unit', (value, at) => {
      if (!value.without.length) return NO_DRAFTS;
      return derivedDrafts(value.without, at, path, value.without, (c) => peers.get(c.head), (found) => {
        const made: Draft[] = [];
        value.without.forEach(({ claim: c, head, at: insertAt }, k) => {
          const peer = found[k];
          if (!peer) return;
          const p = peer.claim;
          const currency = CURRENCY.exec(p.unitText)?.[1] ?? CURRENCY.exec(p.text)?.[1] ?? '元';
          const unit = /^(元|美元|港元|港币|欧元|日元|英镑)$/.test(currency) ? currency : '元';
          made.push(shiftDraft({
            code: 'missing-unit',
            path: '',
            start: c.start,
            end: c.end,
            message: text(
              `${c.text} has no currency while ${p.text} (${head}) is in ${unit}; add ${unit}`,
              `“${c.text}”缺少货币单位，而同为${head}的“${p.text}”以${unit}计，应补“${unit}”`
            ),
            related: [{ path, start: p.start + peer.at, end: p.end + peer.at, message: text('the same subject with its currency', '同一主题带货币单位的数字') }],
            fixes: [fix(text(`Insert ${unit}`, `补上“${unit}”`), { start: insertAt, end: insertAt, newText: unit })],
          }, at, path));
        });
        return made;
      });
    }, reuseUnless(changed, (value, key) => value.without.some((w) => key(w.head))));
  },
};
