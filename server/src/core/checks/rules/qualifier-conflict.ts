// qualifier-conflict: qualifiers around one figure that contradict each other (近400余人: both
// "nearly" and "more than") or bound it twice from one side (至少5倍以上, 超过1000余家).
import type { Claim } from '../../types';
import { DocContext } from '../context';
import { ParagraphRule, Draft, draftAt, text } from '../rule';
import { qualifierWordsAround, directionOfWord } from '../qualifier-words';

export const qualifierConflict: ParagraphRule = {
  code: 'qualifier-conflict',
  scope: 'document',
  locality: 'paragraph',
  check(doc: DocContext) {
    const out: Draft[] = [];
    for (const c of doc.claims) {
      if (c.kind === 'date' || c.kind === 'time' || c.kind === 'ordinal' || c.vague) continue;
      const words = qualifierWordsAround(doc, c);
      if (words.length < 2) continue; // a conflict takes two words
      const ups = words.filter((w) => directionOfWord(w.word) === 'up');
      const downs = words.filter((w) => directionOfWord(w.word) === 'down');
      const span = spanOf(c, words);
      const list = words.map((w) => w.word).join('…');
      if (ups.length && downs.length) {
        out.push(draftAt(doc, 'qualifier-conflict', span, text(
          `"${list}" says both more than and less than the figure`,
          `“${list}”同时表示多于和少于该数，互相矛盾`
        )));
      } else if (ups.length >= 2 && ups.some((w) => w.side === 'before') && ups.some((w) => w.side === 'after')) {
        out.push(draftAt(doc, 'qualifier-conflict', span, text(
          `"${list}" bounds the figure from below twice; keep one`,
          `“${list}”重复限定下限，保留其一即可`
        )));
      } else if (downs.length >= 2 && downs.some((w) => w.side === 'before') && downs.some((w) => w.side === 'after')) {
        out.push(draftAt(doc, 'qualifier-conflict', span, text(
          `"${list}" bounds the figure from above twice; keep one`,
          `“${list}”重复限定上限，保留其一即可`
        )));
      }
    }
    return out;
  },
};

function spanOf(c: Claim, words: { start: number; end: number }[]): { start: number; end: number } {
  return {
    start: Math.min(c.start, ...words.map((w) => w.start)),
    end: Math.max(c.end, ...words.map((w) => w.end)),
  };
}
