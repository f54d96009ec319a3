// The two seed reports as a reviewed golden snapshot: every figure with its value, unit,
// qualifier and subject, one line each. A change here is a change in what editors see, so
// it is reviewed line by line (UPDATE_SNAPSHOTS=1 npm test rewrites the files for review).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeText } from '../../server/src/core/analyze';
import { LineIndex } from '../../server/src/core/position';

const root = path.resolve(__dirname, '../../..');
const seeds = fs.readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort();

function render(file: string): string {
  const text = fs.readFileSync(path.join(root, 'seeds', file), 'utf8');
  const analysis = analyzeText(text);
  const lines = new LineIndex(text);
  const out = [`# ${file} — base date ${analysis.baseDate ?? 'none'} (${analysis.baseDateSource})`];
  for (const c of analysis.claims) {
    const p = lines.positionAt(c.start);
    const value = c.kind === 'date' || c.kind === 'time' ? c.date : c.upper !== null ? `${c.value}..${c.upper}` : String(c.value);
    out.push(`${p.line + 1}:${p.character + 1}\t${c.text}\t${c.kind}\t${value}\t${c.unit}\t${c.qualifier}\t${c.subject}`);
  }
  out.push('# entities');
  for (const e of analysis.entities) out.push(`${e.type}\t${e.text}`);
  return out.join('\n') + '\n';
}

describe('seed reports (reviewed snapshot)', () => {
  for (const file of seeds) {
    it(file, () => {
      const snapshot = path.join(root, 'test', 'snapshots', file.replace(/\.txt$/, '.claims.tsv'));
      const actual = render(file);
      if (process.env.UPDATE_SNAPSHOTS === '1' || !fs.existsSync(snapshot)) {
        fs.writeFileSync(snapshot, actual);
        if (process.env.UPDATE_SNAPSHOTS !== '1') assert.fail(`snapshot ${snapshot} was missing: written for review`);
      }
      assert.strictEqual(actual, fs.readFileSync(snapshot, 'utf8'));
    });
  }
});
