// weekday-mismatch: a weekday written after a date that falls on another day
// (2023年3月24日（星期四） — it was a Friday). A year-less date takes the publication year.
import { DocContext } from '../context';
import { writtenDates, isValidDate, weekdayOf, WEEKDAY_EN, WEEKDAY_ZH } from '../dates-in-text';
import { ParagraphRule, Draft, draftAt, fix, text } from '../rule';

export const weekdayMismatch: ParagraphRule = {
  code: 'weekday-mismatch',
  scope: 'document',
  locality: 'paragraph',
  check(doc: DocContext) {
    const out: Draft[] = [];
    for (const d of writtenDates(doc)) {
      if (!d.weekday || d.year === null || !isValidDate(d)) continue;
      const actual = weekdayOf(d.year, d.month, d.day);
      if (actual === d.weekday.day) continue;
      // A year-less date may belong to the year before publication (a January report on 12月29日).
      if (d.yearInferred && [d.year - 1, d.year + 1].some((y) => weekdayOf(y, d.month, d.day) === d.weekday!.day)) continue;
      const written = doc.slice(d.start, d.end);
      const w = d.weekday;
      const wordMatch = /(星期|礼拜|周)([一二三四五六日天1-7])/.exec(w.text);
      const fixes = [];
      if (wordMatch) {
        const at = w.start + w.text.indexOf(wordMatch[0]) + wordMatch[1].length;
        const replacement = '日一二三四五六'[actual];
        fixes.push(fix(text(`Change to ${wordMatch[1]}${replacement}`, `改为“${wordMatch[1]}${replacement}”`), { start: at, end: at + 1, newText: replacement }));
      }
      out.push(draftAt(doc, 'weekday-mismatch', { start: d.start, end: w.end }, text(
        `${written}${d.yearInferred ? ` (${d.year})` : ''} was a ${WEEKDAY_EN[actual]}, not ${WEEKDAY_EN[w.day]}`,
        `${d.yearInferred ? `${d.year}年` : ''}${written} 是${WEEKDAY_ZH[actual]}，而非${WEEKDAY_ZH[w.day]}`
      ), [], fixes));
    }
    return out;
  },
};
