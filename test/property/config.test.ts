// Property tests of what the workspace hands the extension besides reports: `.zh-figures.json`
// (JSON only, errors with line and column), ignore patterns (matched in linear time), and user
// dictionaries. None of them may throw, hang or be executed, whatever they contain.
import * as assert from 'assert';
import fc from 'fast-check';
import { globToRegExp, isIgnored, parseProjectConfig } from '../../server/src/core/config';
import { globMatch } from '../../server/src/core/glob-match';
import { jsonErrorOffset } from '../../server/src/core/json-error';
import { parseUserDictionary } from '../../server/src/core/user-dictionary';
import { anyUtf16, codeUnit } from './generators';
import { runs } from './invariants';

/** JSON texts, valid ones and ones broken by one random edit. */
const jsonish = fc.oneof(
  fc.json(),
  fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\\', '\n', '/*', '\u0000')).map(([j, at, s]) => {
    const i = at % (j.length + 1);
    return j.slice(0, i) + s + j.slice(i + (at % 2));
  }),
  anyUtf16
);

describe('config and dictionary properties (fast-check)', function () {
  this.timeout(60000);

  it('jsonErrorOffset agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const at = jsonErrorOffset(text);
        assert.strictEqual(at === -1, valid, `${JSON.stringify(text)}: offset ${at}, JSON.parse says ${valid ? 'valid' : 'invalid'}`);
        assert.ok(at <= text.length);
      }),
      { numRuns: runs(1000) }
    );
  });

  it('parseProjectConfig never throws and names the file with line and column', () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        const { config, error } = parseProjectConfig(text, '/ws/.zh-figures.json');
        assert.ok(config && typeof config.rules === 'object' && Array.isArray(config.ignore));
        if (error) assert.match(error, /^\/ws\/\.zh-figures\.json(:\d+:\d+)?: /);
        let parses = true;
        try {
          JSON.parse(text.replace(/^\uFEFF/, ''));
        } catch {
          parses = false;
        }
        if (!parses && text.trim() !== '') assert.match(error ?? '', /:\d+:\d+: invalid JSON/);
      }),
      { numRuns: runs(1000) }
    );
  });

  it('points at the real place of a JSON error, also when V8 names none', () => {
    const cases: Array<[string, string]> = [
      ['module.exports = {}', ':1:1:'],
      ['{\n  "rules": {\n    "x": "off",\n  }\n}', ':4:3:'],
      ['{"a": 1}\n\n  oops', ':3:3:'],
      ['{"a": [1, 2,, 3]}', ':1:13:'],
    ];
    for (const [text, where] of cases) {
      const { error } = parseProjectConfig(text, 'f.json');
      assert.ok(error?.startsWith(`f.json${where}`), `${JSON.stringify(text)}: ${error}`);
    }
  });

  it('matches ignore patterns exactly like the RegExp form', () => {
    const patternChar = fc.constantFrom('a', 'b', '/', '*', '?', '.', '**', '**/', 'ab');
    const pathChar = fc.constantFrom('a', 'b', '/', '.', 'x');
    fc.assert(
      fc.property(fc.array(patternChar, { maxLength: 8 }).map((p) => p.join('')), fc.array(pathChar, { maxLength: 12 }).map((p) => p.join('')), (pattern, p) => {
        assert.strictEqual(globMatch(pattern, p), globToRegExp(pattern).test(p), `pattern ${JSON.stringify(pattern)} on ${JSON.stringify(p)}`);
      }),
      { numRuns: runs(3000) }
    );
  });

  it('matches hostile ignore patterns in linear time', () => {
    const t0 = Date.now();
    const patterns = ['*a'.repeat(40) + 'b', '**/a'.repeat(30) + 'b', '?*'.repeat(50), '*'.repeat(1000)];
    for (const p of patterns) isIgnored('a/'.repeat(100) + 'a'.repeat(200), [p]);
    assert.ok(Date.now() - t0 < 1000, `hostile patterns took ${Date.now() - t0} ms`);
  });

  it('parseUserDictionary never throws and returns only usable words', () => {
    const lines = fc.array(fc.oneof(fc.constantFrom('阿里巴巴 org', '张三 person', '# note', '坏 thing', '', '  ', '\r', '[', '{"word":1}'), fc.string({ unit: codeUnit, maxLength: 20 })), { maxLength: 20 });
    fc.assert(
      fc.property(fc.oneof(lines.map((l) => l.join('\n')), jsonish), (text) => {
        const { words, errors } = parseUserDictionary(text, 'dict.txt');
        for (const w of words) {
          assert.ok(typeof w.word === 'string' && w.word.length > 0, `empty word from ${JSON.stringify(text)}`);
          assert.ok(['org', 'person', 'place', 'work', 'product'].includes(w.type));
        }
        for (const e of errors) assert.ok(e.startsWith('dict.txt'), e);
      }),
      { numRuns: runs(1000) }
    );
  });
});
