// invalid-date: a calendar date that does not exist (2023年2月29日, 4月31日, 13月1日).
// Lunar dates (农历二月三十) are left alone; a year-less 2月29日 takes the publication year.
import { DocContext } from '../context';
import { writtenDates, isValidDate, daysInMonth } from '../dates-in-text';
import { ParagraphRule, Draft, draftAt, text } from '../rule';

export const invalidDate: ParagraphRule = {
  code: 'invalid-date',
  scope: 'document',
  locality: 'paragraph',
  check(doc: DocContext) {
    const out: Draft[] = [];
    for (const d of writtenDates(doc)) {
      if (isValidDate(d)) continue;
      // 2月29日 without a year may belong to a leap year other than the publication year.
      if (d.month === 2 && d.day === 29 && (d.year === null || d.yearInferred)) continue;
      const written = doc.slice(d.start, d.end);
      let en: string;
      let zh: string;
      if (d.month < 1 || d.month > 12) {
        en = `${written} is not a date: there is no month ${d.month}`;
        zh = `${written} 不是有效日期：没有 ${d.month} 月`;
      } else {
        const n = daysInMonth(d.year, d.month);
        const yearNote = d.month === 2 && d.year !== null ? ` in ${d.year}` : '';
        const yearNoteZh = d.month === 2 && d.year !== null ? `${d.year}年` : '';
        en = `${written} is not a date: month ${d.month}${yearNote} has ${n} days`;
        zh = `${written} 不是有效日期：${yearNoteZh}${d.month}月只有 ${n} 天`;
      }
      out.push(draftAt(doc, 'invalid-date', d, text(en, zh)));
    }
    return out;
  },
};
