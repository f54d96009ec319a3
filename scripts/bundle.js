#!/usr/bin/env node
// One bundle per side, as vscode-eslint does: the extension host loads client/out, the
// language server and the CLI run server/out. nodejieba is a native addon and stays external.
'use strict';
const esbuild = require('esbuild');
const path = require('path');

const root = path.resolve(__dirname, '..');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
  external: ['vscode', 'nodejieba'],
};

const entries = [
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js' },
];

const fs = require('fs');
Promise.all(
  entries
    .filter((e) => fs.existsSync(path.join(root, e.entryPoints[0])))
    .map((e) => esbuild.build({ ...common, ...e }))
).catch((err) => {
  console.error(err);
  process.exit(1);
});
