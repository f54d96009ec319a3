// How a window's text is cut into sentences, long sentences and clauses: found in one pass over
// the characters, it must cut exactly where a scan for each kind's end marks would.
import * as assert from 'assert';
import { DocContext, type Span } from '../../server/src/core/checks/context';
import { prng } from '../support/prng';

/** The pieces between the matches of `re`, the marks left out (the reference reading). */
function between(text: string, re: RegExp): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(re)) {
    if (m.index! > start) out.push({ start, end: m.index! });
    start = m.index! + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

const SENTENCE_END = /[。！？!?；;\n\r]|　　/g;
const FULL_STOP = /[。！？!?\n\r]|　　/g;
const CLAUSE_END = /[，,：:。！？!?；;\n\r]|　　/g;

describe('sentences, long sentences and clauses of a text', () => {
  it('cut where each kind of end mark is, on random texts of marks, indents and words', () => {
    const alphabet = ['。', '！', '？', '!', '?', '；', ';', '，', ',', '：', ':', '\n', '\r', '　', '　', '增长', '12%', 'a', ' '];
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = prng(seed);
      let text = '';
      const n = Math.floor(rnd() * 40);
      for (let i = 0; i < n; i++) text += alphabet[Math.floor(rnd() * alphabet.length)];
      const doc = new DocContext('', { text, claims: [], entities: [], paragraphs: [{ start: 0, end: text.length }], baseDate: null, baseDateSource: 'none' });
      const at = `seed ${seed}: ${JSON.stringify(text)}`;
      assert.deepStrictEqual(doc.sentences, between(text, SENTENCE_END), `${at}: sentences`);
      assert.deepStrictEqual(doc.longSentences, between(text, FULL_STOP), `${at}: long sentences`);
      assert.deepStrictEqual(doc.clauses, between(text, CLAUSE_END), `${at}: clauses`);
    }
  });

  it('computes what rules share once per context and kind', () => {
    const make = () => new DocContext('', { text: '营收1亿元。', claims: [], entities: [], paragraphs: [], baseDate: null, baseDateSource: 'none' });
    const [a, b] = [make(), make()];
    let calls = 0;
    const count = (doc: DocContext) => (calls++, doc.text.length);
    const nothing = () => (calls++, undefined);
    assert.strictEqual(a.once(count), 6);
    assert.strictEqual(a.once(count), 6);
    assert.strictEqual(b.once(count), 6);
    assert.strictEqual(a.once(nothing), undefined);
    assert.strictEqual(a.once(nothing), undefined);
    assert.strictEqual(calls, 3, 'once per context and kind, an undefined answer included');
  });
});
