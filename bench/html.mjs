#!/usr/bin/env node
// The HTML report on every corpus of ../shared/corpora (and the bundled example): its size, the
// time the built CLI takes to write it, and the time headless Chromium takes from navigation to a
// drawn treemap (median of --runs, default 5). `--shots DIR` also saves screenshots.
//   node bench/html.mjs [--runs N] [--shots DIR]
import chromium from '@sparticuz/chromium';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const runs = Number(opt('--runs', '5'));
const shots = opt('--shots', '');
const cli = path.join(root, 'dist', 'cli', 'index.js');
const corpora = path.resolve(root, '..', 'shared', 'corpora');
const cases = [{ name: 'example', base: path.join(root, '__fixtures__', 'example-base'), head: path.join(root, '__fixtures__', 'example-head') }];
if (existsSync(corpora)) {
  for (const c of readdirSync(corpora).sort())
    if (statSync(path.join(corpora, c)).isDirectory()) cases.push({ name: c, base: path.join(corpora, c, 'base'), head: path.join(corpora, c, 'head') });
} else console.log(`(${corpora} is absent: the bundled example only)`);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cb-bench-html-'));
const browser = await puppeteer.launch({
  args: chromium.args,
  executablePath: await chromium.executablePath(),
  headless: true,
  defaultViewport: { width: 1280, height: 1000 },
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('| case | mode | HTML bytes | leaves drawn (always-loaded) | CLI write ms | Chromium ready ms (median) |');
console.log('|---|---|---:|---:|---:|---:|');
try {
  for (const c of cases)
    for (const mode of ['analyze', 'diff']) {
      const file = path.join(tmp, `${c.name}-${mode}.html`);
      const argv = mode === 'analyze' ? ['analyze', c.head] : ['diff', c.base, c.head];
      const t0 = performance.now();
      try {
        execFileSync(process.execPath, [cli, ...argv, '--no-cache', '--json', '--html', file], { stdio: ['ignore', 'ignore', 'ignore'] });
      } catch (e) {
        if (e.status !== 1) throw e; // diff exits 1 on a failing verdict
      }
      const writeMs = performance.now() - t0;
      const times = [];
      let leaves = 0;
      for (let i = 0; i < runs; i++) {
        const page = await browser.newPage();
        await page.setRequestInterception(true);
        page.on('request', (r) => (r.url().startsWith('file:') ? r.continue() : r.abort()));
        await page.goto(`file://${file}`);
        await page.waitForSelector('html[data-ready]');
        const ms = await page.evaluate(() => Number(globalThis.document.documentElement.dataset.readyMs));
        times.push(ms);
        leaves = await page.$$eval('#cb-map .leaf', (xs) => xs.length);
        if (shots && i === 0) {
          mkdirSync(shots, { recursive: true });
          await page.screenshot({ path: path.join(shots, `${c.name}-${mode}.png`) });
        }
        await page.close();
      }
      console.log(`| ${c.name} | ${mode} | ${statSync(file).size.toLocaleString('en-US')} | ${leaves} | ${writeMs.toFixed(0)} | ${median(times).toFixed(0)} |`);
    }
} finally {
  await browser.close();
  rmSync(tmp, { recursive: true, force: true });
}
