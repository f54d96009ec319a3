// Marks follow their claims through edit sequences: text inserted above, paragraphs moved,
// sentences rewritten around a claim; a changed claim makes its mark stale, never lost.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeText } from '../../server/src/core/analyze';
import {
  emptyDocument,
  markClaim,
  resolveMarks,
  type Annotation,
  type AnnotationStatus,
  type AnnotationsDocument,
  type ResolvedMark,
} from '../../server/src/core/annotations';

const ROOT = path.resolve(__dirname, '../../..');
const NOW = '2026-11-23T10:00:00.000Z';

const REPORT = [
  '　　2023年3月24日，某市市场监管局发布年度报告。',
  '　　报告显示，全年共查处侵权假冒案件2685起，涉案金额达38.87亿元，同比增长12%。',
  '　　全市登记在册的市场主体超过64万户，其中企业约21万家。',
  '　　去年，投诉举报平台共受理投诉3.2万件，办结率98%。',
  '',
].join('\n');

function claimsOf(text: string) {
  return analyzeText(text).claims;
}

/** Mark the claims whose text is given (first occurrence), as the editor does. */
function mark(text: string, file: string, wanted: Array<[string, AnnotationStatus]>): AnnotationsDocument {
  const doc = emptyDocument();
  for (const [claimText, status] of wanted) {
    const claim = claimsOf(text).find((c) => c.text === claimText);
    assert.ok(claim, `no claim ${claimText} in the text`);
    doc.annotations.push(markClaim(doc, { file, text, claim, status, now: NOW }));
  }
  return doc;
}

function resolve(doc: AnnotationsDocument, text: string): ResolvedMark[] {
  return resolveMarks(doc.annotations, text, claimsOf(text));
}

function placed(r: ResolvedMark, text: string): string | null {
  return r.start === null ? null : text.slice(r.start, r.end!);
}

describe('annotations: anchoring', () => {
  it('stores the claim with its context inside the paragraph and a 1-based line hint', () => {
    const doc = mark(REPORT, 'r.txt', [['38.87亿元', 'verified']]);
    const a: Annotation = doc.annotations[0];
    assert.strictEqual(a.claim, '38.87亿元');
    assert.strictEqual(a.line, 2);
    assert.ok(REPORT.includes(a.before + a.claim + a.after));
    assert.ok(a.before.endsWith('涉案金额达'));
    assert.ok(a.after.startsWith('，同比增长'));
    assert.ok(!/[\n\r]/.test(a.before + a.after), 'context stays within the line');
    assert.match(a.id, /^m-[0-9a-f]{12}$/);
  });

  it('the same claim marked twice gets the same id (concurrent windows merge into one mark)', () => {
    const a = mark(REPORT, 'r.txt', [['2685起', 'verified']]).annotations[0];
    const b = mark(REPORT, 'r.txt', [['2685起', 'disputed']]).annotations[0];
    assert.strictEqual(a.id, b.id);
    const other = mark(REPORT, 'other.txt', [['2685起', 'verified']]).annotations[0];
    assert.notStrictEqual(a.id, other.id);
  });

  it('follows its claim when lines are inserted above', () => {
    const doc = mark(REPORT, 'r.txt', [['38.87亿元', 'verified'], ['98%', 'disputed']]);
    const edited = '　　（本文有更新）\n　　编者按：以下数字来自2023年的公开数据，共12项。\n' + REPORT;
    const rs = resolve(doc, edited);
    assert.deepStrictEqual(rs.map((r) => r.state), ['anchored', 'anchored']);
    assert.deepStrictEqual(rs.map((r) => placed(r, edited)), ['38.87亿元', '98%']);
    assert.ok(rs[0].start! > REPORT.indexOf('38.87亿元'));
  });

  it('follows its claim when text is inserted before it in the same sentence', () => {
    const doc = mark(REPORT, 'r.txt', [['2685起', 'verified']]);
    const edited = REPORT.replace('全年共查处', '全年在各部门配合下共查处');
    const [r] = resolve(doc, edited);
    assert.strictEqual(r.state, 'anchored');
    assert.strictEqual(placed(r, edited), '2685起');
  });

  it('follows its claim when its paragraph is moved', () => {
    const doc = mark(REPORT, 'r.txt', [['超过64万户', 'needs-source'], ['3.2万件', 'verified']]);
    const lines = REPORT.split('\n');
    const moved = [lines[0], lines[3], lines[1], lines[2], ''].join('\n');
    const rs = resolve(doc, moved);
    assert.deepStrictEqual(rs.map((r) => [r.state, placed(r, moved)]), [
      ['anchored', '超过64万户'],
      ['anchored', '3.2万件'],
    ]);
  });

  it('a claim whose text changed makes the mark stale, placed on the new claim', () => {
    const doc = mark(REPORT, 'r.txt', [['38.87亿元', 'verified']]);
    const edited = REPORT.replace('38.87亿元', '39.12亿元');
    const [r] = resolve(doc, edited);
    assert.strictEqual(r.state, 'stale');
    assert.strictEqual(r.currentText, '39.12亿元');
    assert.strictEqual(placed(r, edited), '39.12亿元');
    assert.strictEqual(r.annotation.status, 'verified', 'the verdict is kept for review');
  });

  it('does not jump to the same figure elsewhere when the marked one changed', () => {
    const text = '　　甲市登记企业12万家，同比增长5%。\n　　乙市登记企业8万家，同比增长5%。\n';
    const doc = mark(text, 'r.txt', [['5%', 'verified']]);
    assert.ok(doc.annotations[0].after.length < 3 || doc.annotations[0].before.includes('12万家'));
    const edited = text.replace('12万家，同比增长5%', '12万家，同比增长6%');
    const [r] = resolve(doc, edited);
    assert.strictEqual(r.state, 'stale');
    assert.strictEqual(placed(r, edited), '6%');
  });

  it('a changed claim is found by one intact side when the text on its other side was cut too', () => {
    const doc = mark(REPORT, 'r.txt', [['38.87亿元', 'disputed']]);
    const edited = REPORT.replace('38.87亿元，同比增长12%', '40亿元');
    const [r] = resolve(doc, edited);
    assert.strictEqual(r.state, 'stale');
    assert.strictEqual(placed(r, edited), '40亿元');
  });

  it('a claim rewritten into words is stale at the words that replaced it', () => {
    const doc = mark(REPORT, 'r.txt', [['2685起', 'verified']]);
    const edited = REPORT.replace('2685起', '大量');
    const [r] = resolve(doc, edited);
    assert.strictEqual(r.state, 'stale');
    assert.strictEqual(r.currentText, '大量');
    assert.strictEqual(r.claimIndex, null);
  });

  it('a claim rewritten into words together with the text after it is stale where it stood', () => {
    const doc = mark(REPORT, 'r.txt', [['2685起', 'verified']]);
    const edited = REPORT.replace('2685起，涉案金额达38.87亿元', '大量，涉案金额巨大');
    const [r] = resolve(doc, edited);
    assert.strictEqual(r.state, 'stale');
    assert.strictEqual(r.currentText, '大量');
  });

  it('a deleted paragraph leaves its marks stale and unplaced, never dropped', () => {
    const doc = mark(REPORT, 'r.txt', [['3.2万件', 'verified'], ['98%', 'disputed'], ['2685起', 'verified']]);
    const edited = REPORT.split('\n').filter((l) => !l.includes('投诉')).join('\n');
    const rs = resolve(doc, edited);
    assert.strictEqual(rs.length, 3);
    assert.deepStrictEqual(rs.map((r) => r.state), ['stale', 'stale', 'anchored']);
    assert.strictEqual(rs[0].start, null);
    assert.strictEqual(rs[1].start, null);
  });

  it('keeps two marks on identical figures apart by their context', () => {
    const text = '　　一季度销售额增长5%，利润增长5%。\n';
    const doc = emptyDocument();
    const claims = claimsOf(text).filter((c) => c.text === '5%');
    assert.strictEqual(claims.length, 2);
    doc.annotations.push(markClaim(doc, { file: 'r.txt', text, claim: claims[0], status: 'verified', now: NOW }));
    doc.annotations.push(markClaim(doc, { file: 'r.txt', text, claim: claims[1], status: 'disputed', now: NOW }));
    assert.notStrictEqual(doc.annotations[0].id, doc.annotations[1].id);
    const edited = '　　据统计：\n' + text.replace('一季度', '今年一季度');
    const rs = resolve(doc, edited);
    assert.deepStrictEqual(rs.map((r) => r.state), ['anchored', 'anchored']);
    assert.ok(rs[0].start! < rs[1].start!);
    assert.ok(edited.slice(0, rs[0].start!).endsWith('销售额增长'));
    assert.ok(edited.slice(0, rs[1].start!).endsWith('利润增长'));
  });

  it('tells repeated figures apart even when the words right next to them were edited', () => {
    const text = '　　甲市涉案金额达5亿元，乙市为5亿元。\n　　丙市涉案金额为5亿元，丁市达5亿元。\n';
    const claims = claimsOf(text).filter((c) => c.text === '5亿元');
    assert.strictEqual(claims.length, 4);
    const doc = emptyDocument();
    doc.annotations.push(markClaim(doc, { file: 'r.txt', text, claim: claims[2], status: 'disputed', now: NOW }));
    const edited = text.replace('丙市涉案金额为5亿元', '丙市涉案金额仅为5亿元');
    const [r] = resolve(doc, edited);
    assert.strictEqual(r.state, 'anchored');
    assert.strictEqual(r.start, edited.indexOf('仅为5亿元') + 2);
  });

  it('random edit sequences never lose a mark and never put two marks on one claim', () => {
    const seed = fs.readFileSync(path.join(ROOT, 'seeds', 'douyin-ip-protection-2022.txt'), 'utf8');
    const claims = claimsOf(seed);
    const doc = emptyDocument();
    claims.forEach((claim, i) => {
      if (i % 3 === 0) doc.annotations.push(markClaim(doc, { file: 'd.txt', text: seed, claim, status: 'verified', now: NOW }));
    });
    let state = 7;
    const rand = (n: number) => ((state = (state * 1103515245 + 12345) % 2147483648), state % n);
    let text = seed;
    for (let step = 0; step < 12; step++) {
      const lines = text.split('\n');
      const op = rand(4);
      if (op === 0) lines.splice(rand(lines.length + 1), 0, '　　新增段落，共有' + rand(1000) + '家单位参与。');
      else if (op === 1 && lines.length > 2) lines.splice(rand(lines.length), 1);
      else if (op === 2 && lines.length > 2) {
        const [moved] = lines.splice(rand(lines.length), 1);
        lines.splice(rand(lines.length + 1), 0, moved);
      } else {
        const i = rand(lines.length);
        lines[i] = lines[i].replace(/\d/, (d) => String((Number(d) + 1) % 10));
      }
      text = lines.join('\n');
      const now = claimsOf(text);
      const rs = resolveMarks(doc.annotations, text, now);
      assert.strictEqual(rs.length, doc.annotations.length);
      const used = rs.filter((r) => r.claimIndex !== null).map((r) => r.claimIndex);
      assert.strictEqual(new Set(used).size, used.length);
      for (const r of rs) {
        if (r.state === 'anchored') assert.strictEqual(text.slice(r.start!, r.end!), r.annotation.claim);
        if (r.start !== null) assert.strictEqual(text.slice(r.start, r.end!), r.currentText);
      }
    }
  });

  it('survives a heavy edit sequence on a seed report: every mark is anchored or stale', () => {
    const seed = fs.readFileSync(path.join(ROOT, 'seeds', 'alibaba-ip-protection-2021.txt'), 'utf8');
    const claims = claimsOf(seed);
    // Mark every fifth claim with distinct text, cycling the statuses.
    const statuses: AnnotationStatus[] = ['verified', 'disputed', 'needs-source'];
    const doc = emptyDocument();
    const seen = new Set<string>();
    let n = 0;
    for (const c of claims) {
      if (seen.has(c.text)) continue;
      seen.add(c.text);
      if (n++ % 5) continue;
      doc.annotations.push(markClaim(doc, { file: 'a.txt', text: seed, claim: c, status: statuses[n % 3], now: NOW }));
    }
    assert.ok(doc.annotations.length >= 5);
    const target = doc.annotations[1];
    // 1. insert a paragraph at the top, 2. change one marked claim, 3. reverse the paragraphs.
    let edited = '　　编者按：本文转载时有删节。\n' + seed;
    const changedAt = edited.indexOf(target.before + target.claim + target.after) + target.before.length;
    edited = edited.slice(0, changedAt) + '约' + edited.slice(changedAt);
    edited = edited.split('\n').reverse().join('\n');
    const rs = resolve(doc, edited);
    assert.strictEqual(rs.length, doc.annotations.length);
    for (const r of rs) {
      if (r.annotation.id === target.id) {
        assert.strictEqual(r.state, 'stale', `${r.annotation.claim} changed`);
        continue;
      }
      assert.strictEqual(r.state, 'anchored', `${r.annotation.claim} should be found`);
      assert.strictEqual(placed(r, edited), r.annotation.claim);
    }
    const starts = rs.filter((r) => r.claimIndex !== null).map((r) => r.claimIndex);
    assert.strictEqual(new Set(starts).size, starts.length, 'one mark per claim');
  });
});
