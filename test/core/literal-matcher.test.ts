import * as assert from 'assert';
import fc from 'fast-check';
import { LiteralMatcher } from '../../server/src/core/literal-matcher';
import { PLACES, KNOWN_ORGS, ORG_SUFFIXES, PERSON_TITLES } from '../../server/src/core/gazetteer';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const longestFirst = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);

/** Every match of the alternation regex of `words` (in their order), as [index, word]. */
function regexMatches(words: readonly string[], text: string): Array<[number, string]> {
  const re = new RegExp(words.map(escape).join('|'), 'g');
  const out: Array<[number, string]> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push([m.index, m[0]]);
  return out;
}

function matcherMatches(words: readonly string[], text: string): Array<[number, string]> {
  const matcher = new LiteralMatcher(words);
  const out: Array<[number, string]> = [];
  for (let from = 0, w = matcher.find(text, from); w !== null; from = w.index + w.word.length, w = matcher.find(text, from)) {
    out.push([w.index, w.word]);
  }
  return out;
}

/** Text made of the words, pieces of them and noise, so that words overlap and break off. */
function textOf(words: readonly string[]): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...words) },
    { weight: 2, arbitrary: fc.constantFrom(...words).chain((w) => fc.nat(w.length).map((n) => w.slice(0, n))) },
    { weight: 2, arbitrary: fc.constantFrom('市', '省', '区', '的', '，', '。', ' ', 'A', '1', '\n', '𠀀', '\uD800') },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  );
  return fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));
}

describe('literal matcher', () => {
  const lists: Array<[string, readonly string[]]> = [
    ['places', longestFirst(PLACES)],
    ['known organisations', longestFirst(KNOWN_ORGS)],
    ['organisation suffixes', longestFirst(ORG_SUFFIXES)],
    ['person titles', longestFirst(PERSON_TITLES)],
    // Not longest first: the regex takes the first alternative in list order, and so must the matcher.
    ['words that are prefixes of later ones', ['中', '中国', '中国人', '国人', 'ab', 'abc', 'b']],
  ];
  for (const [name, words] of lists) {
    it(`finds what the alternation regex finds: ${name}`, () => {
      fc.assert(fc.property(textOf(words), (text) => assert.deepStrictEqual(matcherMatches(words, text), regexMatches(words, text))), { numRuns: 300 });
    });
  }

  it('gives the candidates at a position in list order, and the first word written there', () => {
    const m = new LiteralMatcher(['中国人', '中国', '中']);
    assert.deepStrictEqual(m.candidatesAt('中国', 0), ['中国人', '中国', '中']);
    assert.strictEqual(m.candidatesAt('美国', 0), undefined);
    assert.strictEqual(m.wordAt('在中国', 1), '中国');
    assert.strictEqual(m.wordAt('在中国', 0), null);
    assert.strictEqual(m.nextStart('在美国中', 0), 3);
    assert.strictEqual(m.nextStart('在美国中', 4), -1);
    assert.deepStrictEqual(m.find('美国和中国人', 0), { index: 3, word: '中国人' });
    assert.strictEqual(m.find('美国', 0), null);
  });

  it('refuses an empty word (the regex would match everywhere)', () => {
    assert.throws(() => new LiteralMatcher(['中国', '']));
  });
});
