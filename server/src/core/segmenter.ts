// nodejieba, loaded lazily and once. Segmentation is only ever asked for short windows (the
// clause before a figure, the words before an organisation suffix), never for whole texts.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { detached } from './detached';
import type { UserWord } from './types';
import { REPORT_TERMS } from './gazetteer';

export interface Token {
  word: string;
  tag: string;
}

interface Jieba {
  load(opts?: { idfDict?: string; stopWordDict?: string }): void;
  tag(s: string): Token[];
  cut(s: string, hmm?: boolean): string[];
  insertWord(word: string, tag?: string): boolean;
}

let jieba: Jieba | null | undefined;
let loadError: string | null = null;
const inserted = new Set<string>();

/**
 * nodejieba also loads the tables of its keyword extractor (an IDF list of 270,000 words and a
 * stop-word list), which zh-figures never calls: about 20 MB of memory for nothing. It is given
 * one-line tables instead, written to a temporary folder just for the load.
 */
function loadWithoutKeywordTables(nj: Jieba): void {
  let dir: string | undefined;
  try {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-figures-jieba-'));
    const idfDict = path.join(dir, 'idf.utf8');
    const stopWordDict = path.join(dir, 'stop_words.utf8');
    fs.writeFileSync(idfDict, '的 1.0\n');
    fs.writeFileSync(stopWordDict, '的\n');
    nj.load({ idfDict, stopWordDict });
  } catch {
    nj.load();
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function load(): Jieba | null {
  if (jieba !== undefined) return jieba;
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const nj = require('nodejieba') as Jieba;
    loadWithoutKeywordTables(nj);
    for (const term of REPORT_TERMS) nj.insertWord(term, 'n');
    jieba = nj;
  } catch (e) {
    // Without the native addon the analysis still runs; subjects fall back to a plain rule.
    loadError = (e as Error).message;
    jieba = null;
  }
  return jieba;
}

/** Why segmentation is unavailable, or null when nodejieba loaded. */
export function segmenterError(): string | null {
  load();
  return loadError;
}

const JIEBA_TAG: Record<UserWord['type'], string> = { org: 'nt', person: 'nr', place: 'ns', work: 'nz', product: 'nz' };

/** Teach the segmenter names from the user dictionary so that windows cut them whole. */
export function addUserWords(words: UserWord[]): void {
  const j = load();
  if (!j) return;
  for (const w of words) {
    const key = `${w.word}\u0000${w.type}`;
    if (inserted.has(key)) continue;
    inserted.add(key);
    j.insertWord(w.word, JIEBA_TAG[w.type]);
    resetSegmenterMemo(); // a new word changes how windows holding it are cut
  }
}

/**
 * Tags (and cuts) of the windows seen lately. Windows are a few characters long and report
 * prose repeats its phrasings (同比增长, 涉案金额达, 其中), so most windows were segmented before,
 * and a call into the addon costs more than the rest of a figure's subject search. Segmenting
 * a window does not depend on anything around it, so a remembered answer is the answer.
 * Bounded: cleared when full.
 */
const tagged = new Map<string, readonly Token[]>();
const cutWords = new Map<string, readonly string[]>();
const MEMO_LIMIT = 20_000;

/** Forget the remembered tags and cuts (the bench's cold runs; a new user word). */
export function resetSegmenterMemo(): void {
  tagged.clear();
  cutWords.clear();
}

function remembered<T>(memo: Map<string, T>, s: string, segment: (s: string) => T): T {
  const hit = memo.get(s);
  if (hit !== undefined) return hit;
  const value = segment(s);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(detached(s), value);
  return value;
}

/**
 * The addon's tokens are copied into plain { word, tag } literals, the shape the subject search
 * also makes tokens in: one shape for all tokens keeps the optimised code that reads them.
 */
function tagNow(s: string): readonly Token[] {
  const j = load();
  return j ? j.tag(s).map((t) => ({ word: t.word, tag: t.tag })) : fallbackTag(s);
}

function cutNow(s: string): readonly string[] {
  const j = load();
  return j ? j.cut(s, true) : fallbackTag(s).map((t) => t.word);
}

/** Words with part-of-speech tags (jieba's ICTCLAS-style tags: n, v, vn, ns, nt, nr, x …). */
export function tag(s: string): readonly Token[] {
  return s.length === 0 ? [] : remembered(tagged, s, tagNow);
}

/**
 * The words of tokens[from…] run together. A loop, not map().join(): an empty token list has
 * another array shape than a full one, and map() on it throws the optimised caller away.
 */
export function joinWords(tokens: readonly Token[], from = 0): string {
  let words = '';
  for (let k = from; k < tokens.length; k++) words += tokens[k].word;
  return words;
}

/** Words only. */
export function cut(s: string): readonly string[] {
  return s.length === 0 ? [] : remembered(cutWords, s, cutNow);
}

// Without jieba: runs of CJK characters become nouns, everything else is punctuation.
function fallbackTag(s: string): Token[] {
  const out: Token[] = [];
  const re = /[\u4e00-\u9fff]+|[A-Za-z]+|[0-9]+|[^\u4e00-\u9fffA-Za-z0-9]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const w = m[0];
    out.push({ word: w, tag: /[\u4e00-\u9fff]/.test(w) ? 'n' : /[A-Za-z]/.test(w) ? 'eng' : /[0-9]/.test(w) ? 'm' : 'x' });
  }
  return out;
}
