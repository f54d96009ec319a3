// scale-slip: one metric written with the same digits at a different scale (38.87亿元 vs
// 38.87万元) — a slipped 万/亿, not a different figure. 38.87亿元 vs 388,700万元 is the same value.
import { CrossFileRule, Draft, text } from '../rule';
import { pairedStatements, MetricStatement, type PairMemo, type StatementDoc } from '../statements';

/** Digits per numeral: every pair of a metric's restatements asks again (bounded memo). */
const digitsOf = new Map<string, string>();

function digits(numeral: string): string {
  let d = digitsOf.get(numeral);
  if (d !== undefined) return d;
  const bare = numeral.replace(/[,，\s]/g, '');
  d = /^\d+(\.\d+)?$/.test(bare) ? bare.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') : '';
  if (digitsOf.size >= 10000) digitsOf.clear();
  digitsOf.set(numeral, d);
  return d;
}

export function isScaleSlip(a: MetricStatement, b: MetricStatement): boolean {
  if (a.claim.scale === b.claim.scale) return false;
  const da = digits(a.claim.numeral);
  if (!da || da !== digits(b.claim.numeral)) return false;
  const va = a.claim.value as number;
  const vb = b.claim.value as number;
  if (!(va > 0 && vb > 0)) return false;
  const r = Math.log10(Math.max(va, vb) / Math.min(va, vb));
  return r >= 1 - 1e-9 && Math.abs(r - Math.round(r)) < 1e-6;
}

export const scaleSlip: CrossFileRule = {
  code: 'scale-slip',
  scope: 'cross-file',
  check(docs: StatementDoc[], focus?: ReadonlySet<string>, memo?: PairMemo) {
    const byClaim = pairedStatements(docs, focus, memo, 'scale-slip', isScaleSlip);
    const out: Draft[] = [];
    for (const [s, others] of byClaim) {
      if (focus && !focus.has(s.doc.path)) continue; // background: its findings are not wanted
      const o = others[0];
      const where = o.doc !== s.doc ? ` (${o.doc.path})` : '';
      out.push({
        code: 'scale-slip',
        path: s.doc.path,
        start: s.start,
        end: s.end,
        message: text(
          `${s.claim.subject}: ${s.claim.text} here but ${o.claim.text}${where} elsewhere: same digits, different scale (${s.claim.scale || '—'} vs ${o.claim.scale || '—'})`,
          `${s.claim.subject}：此处为 ${s.claim.text}，另处为 ${o.claim.text}${where}，数字相同而数量级不同（${s.claim.scale || '无'} 与 ${o.claim.scale || '无'}）`
        ),
        related: others.slice(0, 20).map((x) => ({ path: x.doc.path, start: x.start, end: x.end, message: text(`same digits at another scale: ${x.claim.text}`, `同数字不同数量级：${x.claim.text}`) })),
        fixes: [],
      });
    }
    return out.sort((x, y) => (x.path === y.path ? x.start - y.start : x.path < y.path ? -1 : 1));
  },
};
