// The seeds are real, clean-ish reports. Reviewed snapshot: the only finding an editor agrees
// with is the mixed numeral style in the Alibaba report (超过一万家 beside 超过1000家, GB/T
// 15835); no error or warning, alone or checked together.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeText } from '../../server/src/core/analyze';
import { checkDocuments } from '../../server/src/core/checks';

const ROOT = path.resolve(__dirname, '../../..');
const SEEDS = ['seeds/alibaba-ip-protection-2021.txt', 'seeds/douyin-ip-protection-2022.txt'];

describe('checks on the seed reports (reviewed snapshot)', () => {
  it('finds exactly the reviewed findings, across both files', () => {
    const inputs = SEEDS.map((p) => ({ path: p, analysis: analyzeText(fs.readFileSync(path.join(ROOT, p), 'utf8')) }));
    const findings = checkDocuments(inputs).map((f) => {
      const text = inputs.find((i) => i.path === f.path)!.analysis.text;
      return [path.basename(f.path), f.severity, f.code, text.slice(f.start, f.end)];
    });
    assert.deepStrictEqual(findings, [['alibaba-ip-protection-2021.txt', 'hint', 'mixed-numeral-style', '超过一万家']]);
  });
});
