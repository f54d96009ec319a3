// Bench inputs built from the seeds: sentences shuffled across the seed reports and every
// free-standing number perturbed by a seeded PRNG, so that no two paragraphs repeat and the
// paragraph cache cannot answer for the analysis (honest, cold-cache throughput).
'use strict';
const fs = require('fs');
const path = require('path');

/** mulberry32: small, fast, deterministic. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentences of the seed reports (ending punctuation kept), without page furniture. */
function seedSentences(seedDir) {
  const out = [];
  for (const f of fs.readdirSync(seedDir).filter((n) => n.endsWith('.txt')).sort()) {
    const text = fs.readFileSync(path.join(seedDir, f), 'utf8').replace(/^\uFEFF/, '');
    for (const para of text.split(/\r?\n|　　+/)) {
      const p = para.trim();
      if (p.length < 12) continue; // 关键词:, 上一篇:, headings of one word
      const parts = p.match(/[^。！？!?]+[。！？!?]?/g) ?? [];
      for (const s of parts) if (s.trim().length >= 8) out.push(s.trim());
    }
  }
  if (!out.length) throw new Error(`no sentences in ${seedDir}`);
  return out;
}

/**
 * A copy of a sentence with its numbers changed: every digit after the first of a run is
 * redrawn, the first one too unless the run is a date or time part (年 月 日 : -), which
 * stays valid so that the text still reads like a report.
 */
function perturb(sentence, rnd) {
  return sentence.replace(/[0-9]+/g, (run, at, s) => {
    const next = s[at + run.length] ?? '';
    const prev = s[at - 1] ?? '';
    if (/[年月日:：\-号]/.test(next) || /[:：\-]/.test(prev)) return run;
    let out = run.length > 1 || run !== '0' ? String(1 + Math.floor(rnd() * 9)) : '0';
    for (let i = 1; i < run.length; i++) out += String(Math.floor(rnd() * 10));
    return out;
  });
}

/** A paragraph of 2–6 shuffled sentences, each perturbed afresh unless `variants` fixes them. */
function paragraph(sentences, rnd, variants) {
  const n = 2 + Math.floor(rnd() * 5);
  let p = '';
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rnd() * sentences.length);
    p += variants ? variants[k] : perturb(sentences[k], rnd);
  }
  return p;
}

/**
 * About `chars` characters of report text, one paragraph a line, under a dated heading. No
 * paragraph repeats one already in `seen` (shared across the files of one bench run).
 *
 * `consistent`: each seed sentence is perturbed once for the whole text, so that a figure
 * restated in it keeps its value, as in a real report (the seeds: one finding in 14 KB).
 * Otherwise every restatement gets new numbers, and almost every metric stated twice
 * contradicts itself (about five findings per KB): a stress input, not a report.
 */
function buildText(sentences, chars, rnd, seen = new Set(), date = '2023-03-23', consistent = false) {
  const variants = consistent ? sentences.map((s) => perturb(s, rnd)) : undefined;
  const lines = ['知识产权保护年报', `发布时间:${date} 19:06:55`, ''];
  let size = lines.join('\n').length;
  while (size < chars) {
    const p = '　　' + paragraph(sentences, rnd, variants);
    if (seen.has(p)) continue;
    seen.add(p);
    lines.push(p);
    size += p.length + 1;
  }
  return lines.join('\n') + '\n';
}

/** Write `count` reports of realistic size (3–12 KB, like the seeds) into `dir`. */
function writeReports(dir, sentences, count, rnd, seen) {
  fs.mkdirSync(dir, { recursive: true });
  let chars = 0;
  for (let i = 0; i < count; i++) {
    const size = 3000 + Math.floor(rnd() * 9000);
    const year = 2015 + Math.floor(rnd() * 9);
    const text = buildText(sentences, size, rnd, seen, `${year}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`, true);
    chars += text.length;
    const sub = path.join(dir, `group-${String(Math.floor(i / 100)).padStart(2, '0')}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `report-${String(i).padStart(4, '0')}.txt`), text);
  }
  return chars;
}

module.exports = { prng, seedSentences, perturb, buildText, writeReports };
