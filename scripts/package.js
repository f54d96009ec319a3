#!/usr/bin/env node
// `npm run package`: bundle the client and server, pack the VSIX with @vscode/vsce (offline:
// no repository lookup, no link rewriting), then open the VSIX and check what it holds, so a
// broken .vscodeignore fails here and not on a user's machine.
//   node scripts/package.js [--out FILE]     default: zh-figures-<version>.vsix in the repo root
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { readZipEntries } = require('./zip-entries');

const root = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const outArg = process.argv.indexOf('--out');
const out = path.resolve(outArg > 0 ? process.argv[outArg + 1] : path.join(root, `${manifest.name}-${manifest.version}.vsix`));

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error(`package: ${[cmd, ...args].join(' ')} failed (${r.status ?? r.signal})`);
    process.exit(1);
  }
}

// The native addon is what makes the VSIX platform-specific: it must exist before packing.
const addon = path.join(root, 'node_modules/nodejieba/build/Release/nodejieba.node');
if (!fs.existsSync(addon)) {
  console.error(`package: ${path.relative(root, addon)} is missing; run \`npm install\` (or \`npm rebuild nodejieba\`) first`);
  process.exit(1);
}

// nodejieba.node was built for this OS and CPU: say so in the manifest (VS Code then refuses
// to install the VSIX elsewhere instead of failing at activation).
const target = `${process.platform}-${process.arch === 'arm' ? 'armhf' : process.arch}`;
const TARGETS = ['win32-x64', 'win32-arm64', 'linux-x64', 'linux-arm64', 'linux-armhf', 'darwin-x64', 'darwin-arm64'];
if (!TARGETS.includes(target)) {
  console.error(`package: no VS Code target for ${target}`);
  process.exit(1);
}

run(process.execPath, [path.join(root, 'scripts/bundle.js')]);
const vsce = require.resolve('@vscode/vsce/vsce', { paths: [root] });
run(process.execPath, [vsce, 'package', '--target', target, '--no-rewrite-relative-links', '--skip-license', '--allow-missing-repository', '--out', out]);

// What the VSIX must hold, and what it must never hold.
const names = readZipEntries(fs.readFileSync(out)).map((e) => e.name);
const required = [
  'extension/package.json',
  'extension/client/out/extension.js',
  'extension/server/out/server.js',
  'extension/server/out/cli.js',
  'extension/syntaxes/zh-report.tmLanguage.json',
  'extension/node_modules/nodejieba/index.js',
  'extension/node_modules/nodejieba/build/Release/nodejieba.node',
  'extension/node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8',
  'extension/node_modules/nodejieba/submodules/cppjieba/dict/hmm_model.utf8',
  'extension/node_modules/nodejieba/submodules/cppjieba/dict/idf.utf8',
  'extension/node_modules/nodejieba/submodules/cppjieba/dict/stop_words.utf8',
  'extension/node_modules/nodejieba/submodules/cppjieba/dict/user.dict.utf8',
];
const forbidden = [
  [/^extension\/(test|out|e2e|seeds|scripts)\//, 'tests, test output, harness or build scripts'],
  [/(^|\/)src\//, 'sources'],
  [/\.ts$/, 'TypeScript sources'],
  [/\.map$/, 'source maps (they embed the sources)'],
  [/^extension\/node_modules\/(?!nodejieba\/)/, 'a runtime module that should have been bundled'],
  [/\.vsix$/, 'another VSIX'],
];
const problems = [];
for (const r of required) if (!names.includes(r)) problems.push(`missing ${r}`);
for (const n of names) for (const [re, what] of forbidden) if (re.test(n)) problems.push(`ships ${n} (${what})`);
const size = fs.statSync(out).size;
if (problems.length) {
  console.error(`package: ${out} is wrong:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`package: ${path.relative(process.cwd(), out) || out} for ${target} (${names.length} entries, ${(size / 1048576).toFixed(2)} MB) checked: bundles, nodejieba addon and dictionaries present; no tests, sources or source maps`);
