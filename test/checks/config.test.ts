import * as assert from 'assert';
import { parseProjectConfig, isIgnored, globToRegExp } from '../../server/src/core/config';
import { checkText } from './helpers';

describe('core/config (.zh-figures.json)', () => {
  it('reads rules, baseDate, userDictionary and ignore', () => {
    const { config, error } = parseProjectConfig(
      JSON.stringify({ rules: { 'growth-mismatch': 'warning', 'mixed-numeral-style': 'off' }, baseDate: '2023-03-23', userDictionary: 'dict.txt', ignore: ['drafts/**'] }),
      '/p/.zh-figures.json'
    );
    assert.strictEqual(error, undefined);
    assert.deepStrictEqual(config.rules, { 'growth-mismatch': 'warning', 'mixed-numeral-style': 'off' });
    assert.strictEqual(config.baseDate, '2023-03-23');
    assert.strictEqual(config.userDictionary, 'dict.txt');
    assert.deepStrictEqual(config.ignore, ['drafts/**']);
  });

  it('a corrupt file gives an error naming file, line and column, and defaults', () => {
    const { config, error } = parseProjectConfig('{\n  "rules": {\n    "growth-mismatch": "off",\n  }\n}', '/p/.zh-figures.json');
    assert.ok(error, 'an error');
    assert.match(error!, /^\/p\/\.zh-figures\.json:4:3: invalid JSON/);
    assert.deepStrictEqual(config.rules, {});
  });

  it('bad values are reported and dropped, good ones kept', () => {
    const { config, error } = parseProjectConfig('{"rules":{"no-such-rule":"error","share-mismatch":"loud","sum-mismatch":"hint"},"baseDate":"yesterday"}', 'c.json');
    assert.match(error!, /unknown rule "no-such-rule"/);
    assert.match(error!, /share-mismatch/);
    assert.match(error!, /baseDate/);
    assert.deepStrictEqual(config.rules, { 'sum-mismatch': 'hint' });
    assert.strictEqual(config.baseDate, undefined);
  });

  it('an empty file is the defaults; a non-object is an error', () => {
    assert.deepStrictEqual(parseProjectConfig('', 'c.json'), { config: { rules: {}, ignore: [] } });
    assert.match(parseProjectConfig('[1,2]', 'c.json').error!, /c\.json:1:1/);
  });

  it('ignore patterns are glob-ish', () => {
    assert.ok(isIgnored('drafts/a.md', ['drafts/**']));
    assert.ok(isIgnored('x/drafts/a.md', ['drafts']));
    assert.ok(isIgnored('a.tmp.md', ['*.tmp.md']));
    assert.ok(isIgnored('sub/a.tmp.md', ['*.tmp.md']));
    assert.ok(!isIgnored('reports/a.md', ['drafts/**', '*.tmp.md']));
    assert.ok(globToRegExp('/top.md').test('top.md') && !globToRegExp('/top.md').test('x/top.md'));
  });

  it('configured severities and "off" apply to findings', () => {
    const bad = '营收从86.4亿元增长到103.7亿元，增长25.6%。';
    assert.strictEqual(checkText(bad)[0].severity, 'error');
    assert.strictEqual(checkText(bad, { rules: { 'growth-mismatch': 'information' } })[0].severity, 'information');
    assert.strictEqual(checkText(bad, { rules: { 'growth-mismatch': 'off' } }).length, 0);
    assert.strictEqual(checkText(bad, { rulesFor: () => ({ 'growth-mismatch': 'off' }) }).length, 0);
  });
});

describe('rule codes in the extension manifest', () => {
  it('zhFigures.rules accepts exactly the codes the core has', () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const manifest = require('../../../package.json');
    const names: string[] = manifest.contributes.configuration.properties['zhFigures.rules'].propertyNames.enum;
    const { RULE_CODES } = require('../../server/src/core/checks/types');
    assert.deepStrictEqual([...names].sort(), [...RULE_CODES].sort());
  });
});
