// The user dictionary: names the stock dictionary lacks, kept in a file, not in settings.
// One entry per line, "name type" (type: org person place work product; default org), "#"
// starts a comment. A JSON array of {word, type} is accepted too. Parsing only: reading the
// file is the adapters' business.
import type { EntityType, UserWord } from './types';

const TYPES = new Set<EntityType>(['org', 'person', 'place', 'work', 'product']);

export interface DictionaryParse {
  words: UserWord[];
  /** One readable line per entry that was skipped, naming the source and line. */
  errors: string[];
}

export function parseUserDictionary(text: string, source = 'dictionary'): DictionaryParse {
  const words: UserWord[] = [];
  const errors: string[] = [];
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (e) {
      return { words, errors: [`${source}: not valid JSON (${(e as Error).message})`] };
    }
    if (!Array.isArray(data)) return { words, errors: [`${source}: expected an array of {word, type}`] };
    data.forEach((entry: { word?: unknown; type?: unknown }, i) => {
      if (!entry || typeof entry.word !== 'string' || !entry.word) {
        errors.push(`${source}: entry ${i + 1} has no "word"`);
        return;
      }
      const type = (entry.type ?? 'org') as EntityType;
      if (!TYPES.has(type)) errors.push(`${source}: entry ${i + 1}: unknown type "${String(entry.type)}"`);
      else words.push({ word: entry.word, type });
    });
    return { words, errors };
  }
  trimmed.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const parts = line.split(/[\s,\t]+/);
    const hasType = parts.length > 1;
    const type = (hasType ? parts[parts.length - 1] : 'org') as EntityType;
    const word = hasType ? parts.slice(0, -1).join(' ') : parts[0];
    if (!TYPES.has(type)) {
      errors.push(`${source}:${index + 1}: unknown type "${type}" (use org, person, place, work or product)`);
      return;
    }
    words.push({ word, type });
  });
  return { words, errors };
}
