// The UI test: VS Code 1.99 (code-server) in Chromium with the packaged VSIX installed, driven
// like a user: open reports from the Explorer, read the Problems panel, hover a figure, use the
// Figures tree. Expected positions come from `zh-figures extract` on the same files (the CLI
// shares the analysis core), so nothing here is written for one particular text.
// Screenshots of every step land in <out>/screenshots.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { startCodeServer } = require('./lib/code-server');
const { openBrowser } = require('./lib/browser');
const { prepareWorkspace, PLANTED_NAME } = require('../test/vscode/workspace');

const REPO = path.resolve(__dirname, '..');
const SEED = 'alibaba-ip-protection-2021.txt';
const TREE_HEADER = '.pane-header[aria-label="Figures Section"]';
// The Folders section is titled "Explorer Section: <workspace name>".
const FOLDERS_HEADER = '.pane-header[aria-label^="Explorer Section"]';
const STEP_TIMEOUT = 30000;

/** The CLI's claims for one file (the same analysis the server runs). */
function claimsOf(file) {
  const out = execFileSync(process.execPath, [path.join(REPO, 'bin/zh-figures.js'), 'extract', '--json', file], { encoding: 'utf8' });
  return JSON.parse(out).files[0].claims;
}

/**
 * What VS Code's status bar says once `claim` is selected, e.g. "Ln 5, Col 26 (7 selected)":
 * it shows the selection's active end, which the reveal command puts after the figure.
 */
function selectionStatus(claim) {
  const length = claim.end - claim.start;
  return `Ln ${claim.line + 1}, Col ${claim.character + length + 1} (${length} selected)`;
}

const norm = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * @param {{dir: string, vsix: string, screenshots: string, log?: (s: string) => void}} o
 * @returns {Promise<{passed: number, failed: number, failures: {title: string, error: string}[], shots: string[]}>}
 */
async function runUi({ dir, vsix, screenshots, log = console.log }) {
  fs.mkdirSync(screenshots, { recursive: true });
  const ws = prepareWorkspace(path.join(dir, 'ws'));
  const planted = claimsOf(path.join(ws, PLANTED_NAME));
  const seed = claimsOf(path.join(ws, SEED));
  const result = { passed: 0, failed: 0, failures: [], shots: [] };

  const server = await startCodeServer({ dir, vsix });
  log(`  ${server.installed}`);
  const { browser, page, blocked } = await openBrowser(server.tmpDir);
  page.setDefaultTimeout(STEP_TIMEOUT);

  const shot = async (name) => {
    const file = path.join(screenshots, `${name}.png`);
    await page.screenshot({ path: file });
    result.shots.push(file);
  };
  let broken = false;
  const step = async (title, fn) => {
    if (broken) {
      result.failed++;
      result.failures.push({ title, error: 'not run: an earlier step failed' });
      log(`    - ${title} (not run)`);
      return;
    }
    const t0 = Date.now();
    try {
      await fn();
      result.passed++;
      log(`    ✔ ${title} (${Date.now() - t0} ms)`);
    } catch (e) {
      result.failed++;
      broken = true;
      result.failures.push({ title, error: String(e && e.stack ? e.stack : e) });
      log(`    ✘ ${title}\n      ${String(e && e.message ? e.message : e).split('\n').join('\n      ')}`);
      await shot(`failure-${result.failed}`).catch(() => {});
    }
  };

  const explorerRow = (name) => page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`);
  const editorOf = (name) => page.locator(`.editor-instance .monaco-editor[data-uri$="${name}"] .view-lines`);
  const statusText = (id) => page.locator(`[id="${id}"]`);
  const treeRows = () => page.locator(`.pane:has(> ${TREE_HEADER}) .monaco-list-row`);

  /** Expand or collapse an Explorer section (a collapsed Folders section leaves the Figures tree room). */
  async function setSection(header, expanded) {
    const h = page.locator(header);
    await h.waitFor();
    if (((await h.getAttribute('aria-expanded')) === 'true') !== expanded) await h.click();
    await page.waitForFunction(
      ({ header, want }) => document.querySelector(header)?.getAttribute('aria-expanded') === want,
      { header, want: String(expanded) }
    );
  }

  async function openFromExplorer(name) {
    await setSection(FOLDERS_HEADER, true);
    await explorerRow(name).click();
    await page.waitForFunction((n) => {
      const el = document.querySelector(`.editor-instance .monaco-editor[data-uri$="${n}"] .view-lines`);
      return el && el.textContent.length > 10;
    }, name);
  }

  async function showTree() {
    await setSection(FOLDERS_HEADER, false);
    await setSection(TREE_HEADER, true);
  }

  async function clickTreeFigure(claim) {
    const row = treeRows().filter({ hasText: claim.text }).first();
    await row.scrollIntoViewIfNeeded();
    await row.click();
    await page.waitForFunction(
      (want) => document.getElementById('status.editor.selection')?.textContent?.trim() === want,
      selectionStatus(claim)
    );
  }

  /** Centre of the characters `needle` (from `delta`, `len` long) as rendered in the editor of `name`. */
  async function charsBox(name, needle, delta, len) {
    return page.evaluate(
      ({ name, needle, delta, len }) => {
        const root = document.querySelector(`.editor-instance .monaco-editor[data-uri$="${name}"] .view-lines`);
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.textContent.indexOf(needle);
          if (i < 0) continue;
          const r = document.createRange();
          r.setStart(n, i + delta);
          r.setEnd(n, i + delta + len);
          const b = r.getBoundingClientRect();
          return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
        }
        return null;
      },
      { name, needle, delta, len }
    );
  }

  /** Drag the sash between the side bar and the editor, so tree labels are not cut off. */
  async function widenSideBar(width) {
    const sash = await page.evaluate(() => {
      const bar = document.querySelector('.part.sidebar')?.getBoundingClientRect();
      if (!bar) return null;
      const edge = bar.right;
      const sashes = [...document.querySelectorAll('.monaco-sash.vertical')].map((e) => e.getBoundingClientRect()).filter((r) => r.height > 200);
      sashes.sort((a, b) => Math.abs(a.left + a.width / 2 - edge) - Math.abs(b.left + b.width / 2 - edge));
      const r = sashes[0];
      return r && Math.abs(r.left + r.width / 2 - edge) < 10 ? { x: r.left + r.width / 2, y: r.top + r.height / 2, left: bar.left } : null;
    });
    if (!sash) return;
    await page.mouse.move(sash.x, sash.y);
    await page.mouse.down();
    await page.mouse.move(sash.left + width, sash.y, { steps: 8 });
    await page.mouse.up();
  }

  try {
    await page.goto(server.url(ws));

    await step('the workbench opens the workspace with the reports in the Explorer', async () => {
      await explorerRow(PLANTED_NAME).waitFor();
      await explorerRow(SEED).waitFor();
      await widenSideBar(480);
    });

    await step('opening the planted report shows its problems in the status bar', async () => {
      await openFromExplorer(PLANTED_NAME);
      await page.waitForFunction(() => {
        const label = document.getElementById('status.problems')?.getAttribute('aria-label') ?? '';
        return /Errors?: [1-9]/.test(label) && /Warnings?: [1-9]/.test(label);
      });
      log(`      status bar: ${await statusText('status.problems').getAttribute('aria-label')}`);
    });

    await step('the Problems panel lists the growth mismatch and the percent-point warning', async () => {
      await statusText('status.problems').click();
      const rows = page.locator('.markers-panel .monaco-list-row');
      const growth = rows.filter({ has: page.locator('[aria-label]') }).first();
      await growth.waitFor();
      await page.locator('.markers-panel .monaco-list-row[aria-label*="20.0%"][aria-label^="Error"]').waitFor();
      await page.locator('.markers-panel .monaco-list-row[aria-label*="percentage points"][aria-label^="Warning"]').waitFor();
      // Put the cursor on the error so the editor shows its squiggle and the message.
      const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
      for (const l of labels.slice(0, 5)) log(`      ${norm(l ?? '')}`);
      await shot('01-problems');
      await statusText('status.problems').click(); // toggle the panel closed again
    });

    await step('clicking a figure in the Figures tree moves the cursor to its line', async () => {
      await showTree();
      const target = planted.filter((c) => c.line > 1).at(-1); // the last figure, on the last line
      await treeRows().filter({ hasText: target.text }).first().waitFor();
      const before = norm(await statusText('status.editor.selection').innerText());
      await clickTreeFigure(target);
      log(`      ${target.text}: "${before}" → "${selectionStatus(target)}"`);
    });

    await step('hovering 超64万项 in a seed report shows the normalized value', async () => {
      await openFromExplorer(SEED);
      const claim = seed.find((c) => c.text === '超64万项');
      if (!claim) throw new Error('the CLI finds no 超64万项 in the seed');
      const box = await charsBox(SEED, claim.text, 1, 2);
      if (!box) throw new Error('超64万项 is not rendered in the editor');
      await page.mouse.move(box.x - 40, box.y);
      await page.mouse.move(box.x, box.y, { steps: 5 });
      const hover = page.locator('.monaco-hover:visible').filter({ hasText: '640,000' }).first();
      await hover.waitFor();
      // Let the fade-in finish, or the screenshot shows a half-transparent widget.
      await hover.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
      await page.waitForFunction((el) => getComputedStyle(el).opacity === '1', await hover.elementHandle());
      const text = norm(await hover.innerText());
      log(`      hover: ${text.slice(0, 160)}…`);
      for (const want of ['640,000', '> 640,000 项', '64 万项']) if (!text.includes(want)) throw new Error(`hover lacks "${want}": ${text}`);
      await shot('02-hover');
      // A close-up of the widget and the sentence under it, for the README.
      const b = await hover.boundingBox();
      const vp = page.viewportSize();
      const x = Math.max(0, b.x - 120);
      const y = Math.max(0, Math.min(b.y, box.y) - 60);
      await page.screenshot({
        path: path.join(screenshots, '02-hover-closeup.png'),
        clip: { x, y, width: Math.min(vp.width - x, b.width + 480), height: Math.min(vp.height - y, Math.max(b.y + b.height, box.y) - y + 60) },
      });
      result.shots.push(path.join(screenshots, '02-hover-closeup.png'));
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    });

    await step('the Figures tree follows the editor and reveals a figure of the seed', async () => {
      await showTree();
      const target = seed.find((c) => c.kind === 'money');
      await treeRows().filter({ hasText: '超64万项' }).first().waitFor();
      await clickTreeFigure(target);
      await page.mouse.move(900, 850); // away from the tree, so no tooltip covers it
      await shot('03-figures-tree');
    });
  } finally {
    if (blocked.length) log(`  (blocked ${blocked.length} non-loopback requests: ${blocked.slice(0, 3).join(', ')})`);
    await browser.close().catch(() => {});
    await server.stop();
  }
  return result;
}

module.exports = { runUi };

if (require.main === module) {
  const os = require('os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhe2e-'));
  const vsix = path.resolve(process.argv[2] || path.join(REPO, 'zh-figures-0.1.0.vsix'));
  runUi({ dir, vsix, screenshots: path.join(__dirname, '.run', 'screenshots') }).then(
    (r) => {
      console.log(`ui: ${r.passed} passed, ${r.failed} failed`);
      process.exitCode = r.failed ? 1 : 0;
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    }
  ).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
}
