// Table-driven expectations over analyzeText: each case lists the claims a sentence must
// yield, comparing only the fields given, so that cases stay short and readable.
import * as assert from 'assert';
import { analyzeText } from '../../server/src/core/analyze';
import type { Claim } from '../../server/src/core/types';

export type Expected = Partial<Pick<Claim, 'text' | 'kind' | 'value' | 'upper' | 'unit' | 'qualifier' | 'date' | 'subject'>>;

export function claimsOf(text: string, baseDate = '2023-03-23'): Claim[] {
  return analyzeText(text, { baseDate }).claims;
}

export function assertClaims(text: string, expected: Expected[], baseDate = '2023-03-23'): void {
  const claims = claimsOf(text, baseDate);
  const shown = claims.map((c) => `${c.text}[${c.kind} ${c.value}${c.upper !== null ? '..' + c.upper : ''} ${c.unit} ${c.qualifier}${c.date ? ' ' + c.date : ''}]`).join(', ');
  assert.strictEqual(claims.length, expected.length, `"${text}": expected ${expected.length} claims, got ${claims.length}: ${shown}`);
  expected.forEach((e, i) => {
    const c = claims[i];
    for (const key of Object.keys(e) as Array<keyof Expected>) {
      const want = e[key];
      const got = c[key];
      if (typeof want === 'number' && typeof got === 'number') {
        assert.ok(Math.abs(want - got) <= Math.abs(want) * 1e-9 + 1e-9, `"${text}" claim ${i} ${key}: expected ${want}, got ${got} (${shown})`);
      } else {
        assert.deepStrictEqual(got, want, `"${text}" claim ${i} ${key}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)} (${shown})`);
      }
    }
  });
}
