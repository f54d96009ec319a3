// The helpers split rules combine paragraphs with remember the last version per rule and
// document; what they answer must equal a fresh reading of every paragraph, whatever changed.
import * as assert from 'assert';
import { firstOfEach, keysOfParts, partDrafts, reuseUnless } from '../../server/src/core/checks/combine';
import type { Draft } from '../../server/src/core/checks/rule';
import type { DocumentParts } from '../../server/src/core/checks/rule';
import { OffsetList, ParagraphList } from '../../server/src/core/checks/paragraph-list';

interface Part {
  keys: string[];
  firsts: Map<string, string>;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('split-rule helpers remembered across versions', () => {
  it('keysOfParts and firstOfEach equal a fresh count after random edits', () => {
    const rnd = rng(42);
    const key = () => `k${Math.floor(rnd() * 12)}`;
    const part = (): Part | undefined => {
      if (rnd() < 0.3) return undefined;
      const keys = Array.from({ length: Math.floor(rnd() * 4) }, key);
      return { keys, firsts: new Map(Array.from({ length: Math.floor(rnd() * 3) }, () => [key(), `c${Math.floor(rnd() * 1000)}`])) };
    };
    let values: (Part | undefined)[] = Array.from({ length: 300 }, part);
    let valueList = ParagraphList.from(values);
    let atList = OffsetList.from(values.map((_, i) => i * 10));
    let lastFirst: Map<string, { claim: string; at: number }> | undefined;
    for (let step = 0; step < 300; step++) {
      // Replace, insert or remove a few paragraphs; the others stay the same objects.
      // The lists are made from the version before, as documentFacts makes them (shared chunks).
      const next = [...values];
      const at = Math.floor(rnd() * (next.length + 1));
      const r = rnd();
      const removed = r < 0.4 ? next.splice(at, 1, part()).length : r < 0.7 ? next.splice(at, 0, part(), part()).length : next.splice(at, Math.floor(rnd() * 3)).length;
      const kept = { head: at, tail: values.length - at - removed };
      valueList = valueList.edited(next.length, kept, (i) => next[i]);
      atList = atList.edited(next.length, kept, (next.length - values.length) * 10, (i) => i * 10);
      values = next;
      const doc: DocumentParts<Part> = { path: 'p', text: '', at: atList, envs: ParagraphList.from([]), values: valueList };
      const counts = keysOfParts(doc, (v, visit) => v.keys.forEach(visit), 'test-rule');
      const fresh = new Map<string, number>();
      for (const v of values) for (const k of v?.keys ?? []) fresh.set(k, (fresh.get(k) ?? 0) + 1);
      assert.deepStrictEqual(new Map([...counts].sort()), new Map([...fresh].sort()), `step ${step}`);

      const wanted = [...fresh.keys()];
      const { found: first, changed } = firstOfEach(doc, wanted, (v) => v.firsts, 'test-rule');
      const expected = new Map<string, { claim: string; at: number }>();
      for (const k of wanted) {
        const i = values.findIndex((v) => v?.firsts.has(k));
        if (i >= 0) expected.set(k, { claim: values[i]!.firsts.get(k)!, at: i * 10 });
      }
      assert.deepStrictEqual(new Map([...first].sort()), new Map([...expected].sort()), `step ${step}`);
      const same = lastFirst !== undefined && lastFirst.size === expected.size && [...expected].every(([k, e]) => lastFirst!.get(k)?.claim === e.claim && lastFirst!.get(k)?.at === e.at);
      assert.strictEqual(changed !== undefined && changed.size === 0, same, `step ${step}: unchanged`);
      if (lastFirst !== undefined) {
        const moved = [...new Set([...expected.keys(), ...lastFirst.keys()])].filter((k) => expected.get(k)?.claim !== lastFirst!.get(k)?.claim || expected.get(k)?.at !== lastFirst!.get(k)?.at);
        assert.deepStrictEqual([...changed!].sort(), moved.sort(), `step ${step}: the keys whose first figure changed`);
      }
      lastFirst = expected;

      // Drafts that name each key's first figure: kept unless that figure changed (reuseUnless).
      const naming = (v: Part, at: number): Draft[] =>
        v.keys.flatMap((k) => {
          const f = first.get(k);
          return f ? [{ code: 'missing-unit', path: 'p', start: at, end: at + 1, message: { en: `${k} ${f.claim}`, zh: k }, related: [{ path: 'p', start: f.at, end: f.at + 1, message: { en: k, zh: k } }], fixes: [] }] : [];
        });
      const named = partDrafts(doc, 'test-rule/naming', naming, reuseUnless(changed, (v, key) => v.keys.some(key)));
      assert.deepStrictEqual(named, values.flatMap((v, i) => (v ? naming(v, i * 10) : [])), `step ${step}: drafts naming first figures`);

      // Drafts per paragraph: made where the contribution or its place changed, else kept.
      const made = (v: Part, at: number): Draft[] => v.keys.map((k) => ({ code: 'missing-unit', path: 'p', start: at, end: at + 1, message: { en: k, zh: k }, related: [], fixes: [] }));
      const drafts = partDrafts(doc, 'test-rule', made, rnd() < 0.8);
      const freshDrafts = values.flatMap((v, i) => (v ? made(v, i * 10) : []));
      assert.deepStrictEqual(drafts, freshDrafts, `step ${step}: drafts`);
    }
  });
});
