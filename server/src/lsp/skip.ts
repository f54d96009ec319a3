// Deciding cheaply whether a document is worth analysing: served language, size limit, and
// enough Chinese text (an English README with one Chinese word is not a report).
import type { SkipReason } from '../protocol';
import type { ServerSettings } from './settings';

const SAMPLE = 65536;

/** True when the text has enough CJK ideographs, judged on its first 64K characters. */
export function hasEnoughChinese(text: string): boolean {
  const n = Math.min(text.length, SAMPLE);
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) cjk++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    // Decided already, even if all that is left were Latin letters: a report is judged on its
    // first few thousand characters (this runs on every keystroke).
    if ((i & 1023) === 1023 && cjk >= 4 && cjk * 10 >= latin + (n - i - 1)) return true;
  }
  // One ideograph carries about as much as a short English word: ask for at least a few,
  // and at least one per ten Latin letters.
  return cjk >= 4 && cjk * 10 >= latin;
}

/** Why a document is not analysed, or null when it is. */
export function skipReason(text: string, languageId: string | null, settings: ServerSettings): SkipReason | null {
  if (languageId !== null && !settings.languages.includes(languageId)) return 'language';
  if (text.length > settings.maxFileSize) return 'too-large';
  if (!hasEnoughChinese(text)) return 'little-chinese';
  return null;
}
