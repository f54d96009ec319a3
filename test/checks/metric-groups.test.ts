// A metric group whose list an edit changed takes its comparisons over from the list before
// (only pairs with a new statement are compared, pairs that left or entered the window
// dropped or compared): whatever the edit, its pairs and what each rule keeps of them must be
// those of the same list compared afresh.
import * as assert from 'assert';
import { analyzeText } from '../../server/src/core/analyze';
import { selectionFor } from '../../server/src/core/checks';
import { documentFacts, statementsOf } from '../../server/src/core/checks/facts';
import { MetricGroup, type MetricStatement, type PairMemo } from '../../server/src/core/checks/statements';
import { prng } from '../support/prng';

/** Statements of one metric, restated paragraph after paragraph (some twice in one sentence). */
function restatements(): MetricStatement[] {
  const lines: string[] = [];
  for (let i = 0; i < 60; i++) {
    const n = 10 + ((i * 7) % 13);
    lines.push(i % 5 === 0 ? `截至2022年底，平台入驻商家${n}万家，其中平台入驻商家${n + 1}万家。` : `截至2022年底，平台入驻商家${n}万家。`);
  }
  const facts = documentFacts('doc', analyzeText(lines.join('\n'), { baseDate: '2023-06-01' }), selectionFor(() => true, true));
  const groups = [...statementsOf(facts).groups.values()].sort((a, b) => b.length - a.length);
  return groups[0];
}

describe('metric groups taken over across edits', () => {
  const pool = restatements();
  const keepers: [string, (a: MetricStatement, b: MetricStatement) => boolean][] = [
    ['larger-first', (a, b) => (a.claim.value as number) > (b.claim.value as number)],
    ['all', () => true],
  ];

  it('has a pool of one metric to edit', () => {
    assert.ok(pool.length >= 60, `${pool.length} statements`);
  });

  for (const window of [Infinity, 3, 8]) {
    it(`equal a fresh comparison after random edits of the list (window ${window})`, () => {
      const rnd = prng(window === Infinity ? 1 : window);
      const memo: PairMemo = new Map();
      let list = pool.slice(0, 30);
      for (let step = 0; step < 300; step++) {
        // Replace, insert or remove a few statements anywhere, or change nothing.
        const next = [...list];
        const at = Math.floor(rnd() * (next.length + 1));
        const removed = Math.floor(rnd() * 4);
        const added = Array.from({ length: Math.floor(rnd() * 4) }, () => pool[Math.floor(rnd() * pool.length)]).filter((s) => !next.includes(s));
        next.splice(at, Math.min(removed, next.length - at), ...added);
        if (next.length < 2) next.push(...pool.filter((s) => !next.includes(s)).slice(0, 5));
        list = next;
        const kept = new MetricGroup('k', list, window, undefined, memo);
        const fresh = new MetricGroup('k', list, window, undefined, undefined);
        assert.deepStrictEqual(kept.pairs, fresh.pairs, `step ${step}: pairs`);
        // The rules ask in either order, and sometimes one of them only.
        const asked = rnd() < 0.5 ? keepers : rnd() < 0.5 ? [...keepers].reverse() : [keepers[0]];
        for (const [rule, keep] of asked) assert.deepStrictEqual(kept.kept(rule, keep), fresh.kept(rule, keep), `step ${step}: kept by ${rule}`);
      }
    });
  }
});
