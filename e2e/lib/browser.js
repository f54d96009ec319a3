// Debian's Chromium driven by playwright-core (playwright's own browser download is not
// reachable here). Every request that leaves loopback is refused, so a test can never
// depend on the network by accident.
'use strict';
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox', // root in a container
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

function isLoopback(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'data:' || u.protocol === 'blob:' || ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}

async function openBrowser(tmpDir, viewport = { width: 1440, height: 900 }) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, env: { ...process.env, TMPDIR: tmpDir } });
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const blocked = [];
  await context.route((url) => !isLoopback(url.href), (route) => {
    blocked.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  return { browser, context, page, blocked };
}

module.exports = { openBrowser };
