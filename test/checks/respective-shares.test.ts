// respective-shares.ts on its own: which 分别占 lists are read, with which parts, and which share
// of a list the others rule out.
import * as assert from 'assert';
import { analyzeText } from '../../server/src/core/analyze';
import { DocContext } from '../../server/src/core/checks/context';
import { atScaleOf, impliedWhole, outlierShare, respectiveShares } from '../../server/src/core/checks/respective-shares';

function listsOf(text: string): { parts: string[]; shares: string[] }[] {
  const doc = new DocContext('doc.txt', analyzeText(text, { baseDate: '2023-06-01' }));
  return respectiveShares(doc).map((l) => ({ parts: l.parts.map((c) => c.text), shares: l.shares.map((c) => c.text) }));
}

function oddOneOut(text: string): string | null {
  const doc = new DocContext('doc.txt', analyzeText(text, { baseDate: '2023-06-01' }));
  const [list] = respectiveShares(doc);
  const odd = list && outlierShare(list);
  return odd ? list.shares[odd.index].text : null;
}

describe('respective shares (分别占)', () => {
  it('pairs the listed parts with their shares, in order, after the last 其中', () => {
    assert.deepStrictEqual(listsOf('共44.6万件，其中，专利4.1万件，商标13.2万件，著作权24.5万件，分别占9.2%、29.6%和54.9%。'), [
      { parts: ['4.1万件', '13.2万件', '24.5万件'], shares: ['9.2%', '29.6%', '54.9%'] },
    ]);
    assert.deepStrictEqual(listsOf('线上36亿元，线下44亿元，占比分别为36%、44%。'), [{ parts: ['36亿元', '44亿元'], shares: ['36%', '44%'] }]);
    assert.deepStrictEqual(listsOf('A类120家、B类80家，所占比重分别为60%和40%。'), [{ parts: ['120家', '80家'], shares: ['60%', '40%'] }]);
  });

  it('reads no list where parts and shares cannot be told apart', () => {
    assert.deepStrictEqual(listsOf('专利4.1万件，分别占9.2%、29.6%和54.9%。'), []); // fewer parts than shares
    assert.deepStrictEqual(listsOf('专利4.1万件，商标13.2亿元，分别占9.2%和29.6%。'), []); // two measures
    assert.deepStrictEqual(listsOf('甲市12万人、乙市8万人，分别占全省和全国的5%和3%。'), []); // two wholes
    assert.deepStrictEqual(listsOf('线上36亿元，线下44亿元，分别增长36%和44%。'), []); // not shares
  });

  it('finds the one share the others rule out, and only one', () => {
    assert.strictEqual(oddOneOut('专利4.1万件，商标13.2万件，著作权24.5万件，分别占19.2%、29.6%和54.9%。'), '19.2%');
    assert.strictEqual(oddOneOut('专利4.1万件，商标13.2万件，著作权24.5万件，分别占9.2%、29.6%和54.9%。'), null);
    assert.strictEqual(oddOneOut('专利4.1万件，商标13.2万件，分别占19.2%和29.6%。'), null); // two: maybe two wholes
    assert.strictEqual(oddOneOut('甲4万件，乙13万件，丙24万件，丁30万件，分别占10%、20%、30%和40%。'), null); // no two agree
  });

  it('implies the whole within the rounding of both figures, and writes it at the part scale', () => {
    const doc = new DocContext('doc.txt', analyzeText('专利4.1万件，商标13.2万件，分别占9.2%和29.6%。', { baseDate: '2023-06-01' }));
    const [list] = respectiveShares(doc);
    const w = impliedWhole(list.parts[0], list.shares[0])!;
    assert.ok(w.lo < 44.6e4 && w.hi > 44.6e4 && w.lo > 43e4 && w.hi < 46e4, JSON.stringify(w));
    assert.strictEqual(atScaleOf(list.parts[0], 446000), '44.6万件');
  });
});
