// approx-redundant: two approximation words on one figure (约300人左右, 大约…上下): one says it.
import { DocContext } from '../context';
import { ParagraphRule, Draft, draftAt, fix, text } from '../rule';
import { directionOfWord, qualifierWordsAround } from '../qualifier-words';

export const approxRedundant: ParagraphRule = {
  code: 'approx-redundant',
  scope: 'document',
  locality: 'paragraph',
  check(doc: DocContext) {
    const out: Draft[] = [];
    for (const c of doc.claims) {
      if (c.kind === 'date' || c.kind === 'time' || c.kind === 'ordinal') continue;
      const words = qualifierWordsAround(doc, c);
      if (words.length < 2) continue; // one word before the figure and one after
      const about = words.filter((w) => directionOfWord(w.word) === 'about');
      const before = about.find((w) => w.side === 'before');
      const after = about.find((w) => w.side === 'after');
      if (!before || !after) continue;
      const span = { start: Math.min(before.start, c.start), end: Math.max(after.end, c.end) };
      out.push(draftAt(doc, 'approx-redundant', span, text(
        `"${before.word}" and "${after.word}" both say the figure is approximate; keep one`,
        `“${before.word}”与“${after.word}”都表示约数，保留其一即可`
      ), [], [fix(text(`Remove "${after.word}"`, `删除“${after.word}”`), { start: after.start, end: after.end, newText: '' })]));
    }
    return out;
  },
};
