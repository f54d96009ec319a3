#!/usr/bin/env node
// Run by `npm install` (postinstall): rebuilds nodejieba so that it holds its dictionary once.
//
// nodejieba's load() builds two segmenters from the same files: the one zh-figures uses, and a
// second one inside its TextRank keyword extractor (which zh-figures never calls). Each holds its
// own copy of the 350,000-word dictionary trie: about 117 MB of resident memory each, half of the
// language server's budget. cppjieba has a TextRankExtractor constructor that shares the first
// segmenter's dictionary; this script makes nodejieba's load() use it and rebuilds the addon from
// source (as its own install script did). Segmentation and tags are unchanged: the shared
// dictionary is the very same one.
//
// Anything unexpected (a nodejieba whose source differs, no compiler, a failed build) leaves the
// stock build in place: the server then works as before, with the larger footprint.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const MARK = '// zh-figures: TextRank shares the segmenter dictionary';
/** Written beside the addon after a successful rebuild from the patched source. */
const STAMP = '.zh-figures-shared-dictionary';

/** nodejieba's load(): the separately loaded TextRank extractor, as nodejieba 3.x writes it. */
const SEPARATE = /(\n[ \t]*)delete _jieba_handle;(\s*_jieba_handle = new cppjieba::Jieba\([^;]*\);)\s*delete _text_rank_extractor_handle;\s*_text_rank_extractor_handle = new cppjieba\s*::TextRankExtractor\(dictPath,[^;]*\);/;

function log(message) {
  process.stderr.write(`zh-figures: ${message}\n`);
}

/** The patched source of nodejieba.cpp, or null when it is not the code this script knows. */
function patched(source) {
  if (source.includes(MARK)) return source;
  if (!SEPARATE.test(source)) return null;
  return source.replace(
    SEPARATE,
    (_, indent, create) =>
      `${indent}${MARK}${indent}delete _text_rank_extractor_handle;${indent}_text_rank_extractor_handle = nullptr;` +
      `${indent}delete _jieba_handle;${create}${indent}_text_rank_extractor_handle = new cppjieba::TextRankExtractor(*_jieba_handle, stopWordsPath);`
  );
}

/** npm's bundled node-gyp: named for lifecycle scripts, else beside this Node's npm. */
function bundledNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((c) => c && fs.existsSync(c));
}

function nodeGyp(dir) {
  // Else the one on PATH.
  const gyp = bundledNodeGyp();
  const [cmd, args] = gyp ? [process.execPath, [gyp, 'rebuild']] : ['node-gyp', ['rebuild']];
  return spawnSync(cmd, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', shell: !gyp && process.platform === 'win32' });
}

function main() {
  let dir;
  try {
    dir = path.dirname(require.resolve('nodejieba/package.json'));
  } catch {
    return; // not installed (optional at run time): nothing to rebuild
  }
  const file = path.join(dir, 'lib', 'nodejieba.cpp');
  const addon = path.join(dir, 'build', 'Release', 'nodejieba.node');
  const stamp = path.join(dir, 'build', 'Release', STAMP);
  let source;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    log('nodejieba has no lib/nodejieba.cpp: kept as installed.');
    return;
  }
  if (source.includes(MARK) && fs.existsSync(stamp) && fs.existsSync(addon)) return; // done before
  const next = patched(source);
  if (next === null) {
    log("nodejieba's load() is not the code this script patches: kept as installed (its TextRank extractor keeps a second dictionary).");
    return;
  }
  fs.writeFileSync(file, next);
  const t0 = Date.now();
  const run = nodeGyp(dir);
  if (run.status === 0 && fs.existsSync(addon)) {
    fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
    log(`nodejieba rebuilt to hold its dictionary once (${((Date.now() - t0) / 1000).toFixed(0)} s).`);
    return;
  }
  // Put the stock source back and rebuild it, so that the addon on disk matches its source.
  fs.writeFileSync(file, source);
  log(`rebuilding nodejieba failed; the stock build is kept.\n${(run.stderr || String(run.error || '')).slice(-2000)}`);
  if (!fs.existsSync(addon)) nodeGyp(dir);
}

if (require.main === module) main();

module.exports = { patched, MARK };
