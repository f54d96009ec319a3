// Server messages follow the client's locale (initialize params `locale`, e.g. "zh-cn").
import type { LocalizedText } from '../core/checks/types';
import type { Locale } from '../core/format';

export function localeFrom(locale: string | undefined | null): Locale {
  return locale && /^zh/i.test(locale) ? 'zh' : 'en';
}

/** Messages the server itself writes (everything else comes localized from the core). */
export const MESSAGES = {
  tooLarge: {
    en: 'zh-figures: {0} has {1} characters, above zhFigures.maxFileSize ({2}); it is not checked. Raise the setting to check it.',
    zh: 'zh-figures：{0} 共 {1} 个字符，超过 zhFigures.maxFileSize（{2}），未检查。调大该设置即可检查。',
  },
  noSubject: { en: '(no subject)', zh: '（无主语）' },
  noEntity: { en: '(no entity)', zh: '（无实体）' },
  indexing: { en: 'zh-figures: indexing reports', zh: 'zh-figures：正在索引报告' },
  checking: { en: 'zh-figures: checking reports', zh: 'zh-figures：正在检查报告' },
  silenceLine: { en: 'Silence {0} on this line', zh: '在本行忽略 {0}' },
  silenceFile: { en: 'Silence {0} in this file', zh: '在本文件中忽略 {0}' },
  userDictionary: {
    en: 'zh-figures: cannot read the user dictionary {0}: {1}',
    zh: 'zh-figures：无法读取用户词典 {0}：{1}',
  },
  projectConfig: {
    en: 'zh-figures: {0}: {1}',
    zh: 'zh-figures：{0}：{1}',
  },
} satisfies Record<string, LocalizedText>;

/** Pick a message for the locale and fill its {0} {1} … placeholders. */
export function say(text: LocalizedText, locale: Locale, ...args: Array<string | number>): string {
  const s = locale === 'zh' ? text.zh : text.en;
  return s.replace(/\{(\d+)\}/g, (m, i) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}
