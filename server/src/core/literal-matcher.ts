// Finding any of a fixed list of words in a text, with the answers of the regex (?:w1|w2|…):
// the leftmost position where a word starts, and there the first word in list order. The
// regex tries every alternative at every position; this looks at a position only when its
// character starts some word (a table by character code), then at those words only.

/** A word of the list found in a text. */
export interface LiteralMatch {
  index: number;
  word: string;
}

export class LiteralMatcher {
  /** By character code: 0 where no word starts with it, else 1 + the index of its words in `lists`. */
  private readonly slot = new Uint16Array(0x10000);
  /** The words starting with each character, in list order. */
  private readonly lists: string[][] = [];

  /** `words` in the order the regex would list them (longest first, usually). */
  constructor(words: readonly string[]) {
    for (const word of words) {
      if (word.length === 0) throw new Error('LiteralMatcher: empty word');
      const c = word.charCodeAt(0);
      if (this.slot[c] === 0) this.slot[c] = this.lists.push([]);
      this.lists[this.slot[c] - 1].push(word);
    }
  }

  /** The words of the list that start with the character at `i`, in list order (not checked further). */
  candidatesAt(text: string, i: number): readonly string[] | undefined {
    const s = i < text.length ? this.slot[text.charCodeAt(i)] : 0;
    return s === 0 ? undefined : this.lists[s - 1];
  }

  /** The first word of the list written at `i`, or null. */
  wordAt(text: string, i: number): string | null {
    const list = this.candidatesAt(text, i);
    if (list === undefined) return null;
    // Most positions fail on the second character: compared before the whole word is.
    const second = text.charCodeAt(i + 1);
    for (const word of list) if ((word.length === 1 || word.charCodeAt(1) === second) && text.startsWith(word, i)) return word;
    return null;
  }

  /** The next position at or after `from` whose character starts some word (maybe no word is there), or -1. */
  nextStart(text: string, from: number): number {
    const slot = this.slot;
    for (let i = from; i < text.length; i++) if (slot[text.charCodeAt(i)] !== 0) return i;
    return -1;
  }

  /** The leftmost word of the list at or after `from`, as RegExp.exec with lastIndex = from finds it. */
  find(text: string, from: number): LiteralMatch | null {
    for (let i = this.nextStart(text, from); i >= 0; i = this.nextStart(text, i + 1)) {
      const word = this.wordAt(text, i);
      if (word !== null) return { index: i, word };
    }
    return null;
  }
}
