// Per-paragraph lists share chunks from one version to the next; whatever an edit does (items
// replaced, added or removed, by any count, anywhere), the list must read as the plain array
// it stands for, and what two versions keep in common must be found as a plain scan finds it.
import * as assert from 'assert';
import { OffsetList, ParagraphList } from '../../server/src/core/checks/paragraph-list';
import { prng } from '../support/prng';

/** A random edit of a list of `n`: keep `head` and `tail`, put `added` new items between. */
function randomEdit(rnd: () => number, n: number): { head: number; tail: number; added: number } {
  const head = Math.floor(rnd() * (n + 1));
  const removed = rnd() < 0.2 ? 0 : Math.floor(rnd() * Math.min(n - head, rnd() < 0.1 ? 200 : 4) + 1) % (n - head + 1);
  // Sometimes by a whole number of chunks (64), where the chunks behind can be shared shifted.
  const added = rnd() < 0.15 ? removed + 64 * (1 + Math.floor(rnd() * 2)) : rnd() < 0.5 ? removed : Math.floor(rnd() * 5);
  return { head, tail: n - head - removed, added };
}

/** The first and last items two arrays share (===), scanned one by one. */
function naiveKept<T>(old: readonly T[], now: readonly T[]): { head: number; tail: number } {
  let head = 0;
  while (head < old.length && head < now.length && old[head] === now[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < now.length - head && old[old.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
  return { head, tail };
}

describe('per-paragraph lists', () => {
  it('an edited list reads as the edited array, and keptBetween finds what a scan finds', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = prng(seed);
      let serial = 0;
      const item = () => ({ serial: serial++ });
      let array = Array.from({ length: Math.floor(rnd() * 300) }, item);
      let list = ParagraphList.from(array);
      for (let step = 0; step < 60; step++) {
        const { head, tail, added } = randomEdit(rnd, array.length);
        const fresh = Array.from({ length: added }, item);
        const next = [...array.slice(0, head), ...fresh, ...array.slice(array.length - tail)];
        const edited = list.edited(next.length, { head, tail }, (i) => fresh[i - head]);
        const at = `seed ${seed}, step ${step}`;
        assert.strictEqual(edited.length, next.length, at);
        assert.deepStrictEqual(edited.toArray(), next, at);
        for (let i = 0; i < next.length; i++) assert.strictEqual(edited.get(i), next[i], `${at}, item ${i}`);
        assert.deepStrictEqual(ParagraphList.keptBetween(list, edited), naiveKept(array, next), `${at}: kept`);
        assert.deepStrictEqual(ParagraphList.keptBetween(edited, edited), { head: next.length, tail: 0 }, `${at}: kept by itself`);
        array = next;
        list = edited;
      }
    }
  });

  it('kept items can be replaced as they are taken over (moved drafts made again)', () => {
    const rnd = prng(7);
    let array = Array.from({ length: 200 }, (_, i) => ({ i }));
    let list = ParagraphList.from(array);
    for (let step = 0; step < 100; step++) {
      const { head, tail, added } = randomEdit(rnd, array.length);
      const fresh = Array.from({ length: added }, (_, i) => ({ i: -i }));
      // Every fifth kept item is made anew; the others stay.
      const renew = (x: { i: number }, i: number) => (i % 5 === 0 ? { i: x.i } : x);
      const kept = [...array.slice(0, head), ...fresh, ...array.slice(array.length - tail)];
      const edited = list.edited(kept.length, { head, tail }, (i) => fresh[i - head], (then, i, j) => {
        assert.strictEqual(then, array[j], `step ${step}: the item taken over`);
        return renew(then, i);
      });
      const got = edited.toArray();
      kept.forEach((x, i) => {
        const taken = i < head || i >= kept.length - tail;
        if (taken && i % 5 === 0) assert.notStrictEqual(got[i], x, `step ${step}, item ${i}: made anew`);
        else assert.strictEqual(got[i], x, `step ${step}, item ${i}`);
        assert.deepStrictEqual(got[i], x);
      });
      array = got;
      list = edited;
    }
  });

  it('offsets after an edit move by its length; those before stay', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const rnd = prng(100 + seed);
      let array = Array.from({ length: Math.floor(rnd() * 300) }, (_, i) => i * 10);
      let list = OffsetList.from(array);
      for (let step = 0; step < 60; step++) {
        const { head, tail, added } = randomEdit(rnd, array.length);
        const delta = Math.floor(rnd() * 21) - 10;
        const fresh = Array.from({ length: added }, () => Math.floor(rnd() * 1000));
        const next = [...array.slice(0, head), ...fresh, ...array.slice(array.length - tail).map((x) => x + delta)];
        const edited = list.edited(next.length, { head, tail }, delta, (i) => fresh[i - head]);
        assert.deepStrictEqual(edited.toArray(), next, `seed ${seed}, step ${step}`);
        array = next;
        list = edited;
      }
    }
  });

  it('the first asIs items of the head are kept without being asked about; the others are', () => {
    const rnd = prng(11);
    let array = Array.from({ length: 300 }, (_, i) => ({ i }));
    let list = ParagraphList.from(array);
    for (let step = 0; step < 80; step++) {
      const { head, tail, added } = randomEdit(rnd, array.length);
      const fresh = Array.from({ length: added }, (_, i) => ({ i: -i }));
      const asIs = Math.floor(rnd() * (array.length + 10));
      const asked = new Set<number>();
      const n = head + added + tail;
      const edited = list.edited(n, { head, tail }, (i) => fresh[i - head], (then, i) => (asked.add(i), { i: then.i }), asIs);
      const got = edited.toArray();
      for (let i = 0; i < n; i++) {
        const taken = i < head || i >= n - tail;
        if (!taken) continue;
        const still = i < Math.min(asIs, head);
        assert.strictEqual(asked.has(i), !still, `step ${step}, item ${i}: asked about`);
        if (still) assert.strictEqual(got[i], array[i], `step ${step}, item ${i}: as it was`);
      }
      array = got;
      list = edited;
    }
  });

  it('samePrefix counts the leading offsets an edit left in shared chunks, and they are equal', () => {
    const rnd = prng(12);
    let array = Array.from({ length: 500 }, (_, i) => i * 7);
    let list = OffsetList.from(array);
    for (let step = 0; step < 80; step++) {
      const { head, tail, added } = randomEdit(rnd, array.length);
      const delta = 1 + Math.floor(rnd() * 5);
      const fresh = Array.from({ length: added }, () => Math.floor(rnd() * 1000));
      const next = [...array.slice(0, head), ...fresh, ...array.slice(array.length - tail).map((x) => x + delta)];
      const edited = list.edited(next.length, { head, tail }, delta, (i) => fresh[i - head]);
      const same = OffsetList.samePrefix(list, edited);
      for (let i = 0; i < same; i++) assert.strictEqual(edited.get(i), list.get(i), `step ${step}, offset ${i}`);
      // Whole chunks before the edit are shared.
      assert.ok(same >= Math.min(head - (head % 64), next.length - (next.length % 64)), `step ${step}: ${same} of head ${head}`);
      array = next;
      list = edited;
    }
    assert.strictEqual(OffsetList.samePrefix(OffsetList.from([1, 2]), OffsetList.from([1, 2])), 0, 'separate lists share nothing');
  });
});
