// missing-unit: a money figure written without its currency (涉案金额达38.87亿) where figures of
// the same subject in the document carry one (涉案金额超6000万元). 用户8.4亿 is a count: no money
// subject, no finding.
import type { Claim } from '../../types';
import { DocContext } from '../context';
import { DocumentRule, Draft, draftAt, fix, relatedTo, text } from '../rule';

const MONEY_SUBJECT = /(金额|营收|收入|GMV|gmv|销售额|成交额|交易额|利润|资金|费用|投资|融资|产值|税收|成本|估值|货值|罚款|赔偿|市值|总额|营业额|规模)/;
const CURRENCY = /(元|美元|港元|港币|欧元|日元|英镑|人民币|¥|￥|\$|RMB|USD|CNY)/;

function hasCurrency(doc: DocContext, c: Claim): boolean {
  return CURRENCY.test(c.text) || CURRENCY.test(c.unitText) || /^(元|美元|港元|欧元|日元|英镑)/.test(doc.slice(c.end, c.end + 2)) || /(人民币|¥|￥|\$|US\$|RMB)\s*$/.test(doc.slice(c.start - 4, c.start));
}

function subjectHead(s: string): string {
  const m = MONEY_SUBJECT.exec(s);
  return m ? m[1] : '';
}

export const missingUnit: DocumentRule = {
  code: 'missing-unit',
  scope: 'document',
  check(doc: DocContext) {
    const out: Draft[] = [];
    // The first two figures with a currency per subject head, in text order: the peer is the
    // first that is not the figure itself (one pass, not a search per figure).
    const withCurrency = new Map<string, Claim[]>();
    for (const o of doc.claims) {
      if (o.kind !== 'money' || !hasCurrency(doc, o)) continue;
      const h = subjectHead(o.subject || doc.before(o, 8));
      const list = withCurrency.get(h);
      if (!list) withCurrency.set(h, [o]);
      else if (list.length < 2) list.push(o);
    }
    for (const c of doc.claims) {
      if (c.value === null || (c.kind !== 'money' && c.kind !== 'count')) continue;
      if (c.kind === 'count' && c.unit !== '') continue;
      if (hasCurrency(doc, c)) continue;
      const head = subjectHead(c.subject || doc.before(c, 8));
      if (!head) continue;
      const peer = withCurrency.get(head)?.find((o) => o !== c);
      if (!peer) continue;
      const currency = CURRENCY.exec(peer.unitText)?.[1] ?? CURRENCY.exec(peer.text)?.[1] ?? '元';
      const unit = /^(元|美元|港元|港币|欧元|日元|英镑)$/.test(currency) ? currency : '元';
      const core = c.text.indexOf(c.numeral + c.scale);
      const at = core >= 0 ? c.start + core + c.numeral.length + c.scale.length : c.end;
      out.push(draftAt(doc, 'missing-unit', c, text(
        `${c.text} has no currency while ${peer.text} (${head}) is in ${unit}; add ${unit}`,
        `“${c.text}”缺少货币单位，而同为${head}的“${peer.text}”以${unit}计，应补“${unit}”`
      ), [relatedTo(doc, peer, text('the same subject with its currency', '同一主题带货币单位的数字'))],
      [fix(text(`Insert ${unit}`, `补上“${unit}”`), { start: at, end: at, newText: unit })]));
    }
    return out;
  },
};
