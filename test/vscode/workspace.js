// The workspace the in-host suite and the UI test open: the repository's seed reports, plus
// one short report with planted inconsistencies (the seeds are real, well-edited texts and
// give few diagnostics). Both runners (test-electron and code-server) build it the same way.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..');

/** File name of the planted report inside the workspace. */
const PLANTED_NAME = 'planted-report.txt';

// Growth stated as 25.6% where the figures give 20.0% (error), a percent change that is really
// percentage points (warning), and a doubled approximation (hint).
const PLANTED_TEXT = [
  '某公司2023年年度报告摘要',
  '',
  '2023年，公司营业收入从86.4亿元增长到103.7亿元，增长25.6%。',
  '净利润率由12%提高到15%，提高了3%。',
  '全年新增门店约120家左右，门店总数超过1500家。',
  '',
].join('\n');

/** Create (or refill) a workspace folder; returns its absolute path. */
function prepareWorkspace(dir) {
  const ws = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'zh-ws-'));
  fs.mkdirSync(ws, { recursive: true });
  const seeds = path.join(REPO, 'seeds');
  for (const name of fs.readdirSync(seeds)) {
    if (name.endsWith('.txt')) fs.copyFileSync(path.join(seeds, name), path.join(ws, name));
  }
  fs.writeFileSync(path.join(ws, PLANTED_NAME), PLANTED_TEXT);
  return ws;
}

module.exports = { prepareWorkspace, PLANTED_NAME, PLANTED_TEXT, REPO };
