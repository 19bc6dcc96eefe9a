/**
 * The HTML report in a real browser: headless Chromium (@sparticuz/chromium carries it in its npm
 * package) opens the file the CLI wrote from disk with every network request refused, and the page
 * is held to the JSON report the same run printed: its totals, every drawn leaf's tokens, rectangle
 * areas proportional to tokens among siblings, zoom, the base/head/change toggle, the listing bar.
 */
import chromium from '@sparticuz/chromium';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type Proc } from '../../src/cli.js';
import type { GateReport } from '../../src/model/report.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { cleanup, CORPORA, FIXTURES, tmpDir } from '../helpers.js';

const out = tmpDir('cb-html-');
const SHOTS = process.env.CONTEXT_BUDGET_SCREENSHOTS ?? out;
let browser: Browser | undefined;
let launchError = '';

beforeAll(async () => {
  try {
    browser = await puppeteer.launch({
      args: chromium.args,
      executablePath: await chromium.executablePath(),
      headless: true,
      defaultViewport: { width: 1280, height: 1000 },
    });
  } catch (e) {
    launchError = (e as Error).message;
  }
}, 120_000);
afterAll(async () => {
  await browser?.close();
  cleanup(out);
});

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let o = '';
  let e = '';
  const proc: Proc = { argv, cwd: out, env: { ...process.env }, stdout: { write: (s: string) => (o += s) }, stderr: { write: (s: string) => (e += s) } };
  const code = await run(proc);
  return { code, out: o, err: e };
}

interface Cell {
  key: string[];
  tokens: number;
  group: boolean;
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
}

async function open(file: string): Promise<{ page: Page; errors: string[]; blocked: string[] }> {
  if (!browser) throw new Error(`Chromium could not start: ${launchError}`);
  const page = await browser.newPage();
  const errors: string[] = [];
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (r.url().startsWith('file:') || r.url().startsWith('data:')) return void r.continue();
    blocked.push(r.url());
    void r.abort();
  });
  await page.goto(`file://${file}`);
  await page.waitForSelector('html[data-ready]', { timeout: 20_000 });
  return { page, errors, blocked };
}

async function cells(page: Page): Promise<{ cells: Cell[]; map: { w: number; h: number }; crumbs: string[] }> {
  return page.evaluate(() => {
    const map = document.getElementById('cb-map')!;
    const m = map.getBoundingClientRect();
    const cs = [...map.querySelectorAll<HTMLElement>('.cell')].map((el) => {
      const r = el.getBoundingClientRect();
      return {
        key: JSON.parse(el.dataset.key!) as string[],
        tokens: Number(el.dataset.tokens),
        group: el.classList.contains('group'),
        x: r.x - m.x - map.clientLeft,
        y: r.y - m.y - map.clientTop,
        w: r.width,
        h: r.height,
        label: el.textContent ?? '',
      };
    });
    const crumbs = [...document.querySelectorAll('#cb-crumbs button')].map((b) => b.textContent ?? '');
    return { cells: cs, map: { w: map.clientWidth, h: map.clientHeight }, crumbs };
  });
}

/** Among each set of siblings (and the top level against the whole map), area follows tokens. */
function expectAreasFollowTokens(cs: Cell[], map: { w: number; h: number }, depth0: number): void {
  const byParent = new Map<string, Cell[]>();
  for (const c of cs) {
    const parent = JSON.stringify(c.key.slice(0, -1));
    const list = byParent.get(parent) ?? [];
    list.push(c);
    byParent.set(parent, list);
  }
  let checked = 0;
  for (const [parent, sibs] of byParent) {
    const tokens = sibs.reduce((s, c) => s + c.tokens, 0);
    const area = sibs.reduce((s, c) => s + c.w * c.h, 0);
    // The top level tiles the whole map, up to the browser's 1/64-pixel snapping of each box's edges.
    const snapping = sibs.reduce((s, c) => s + (c.w + c.h) / 32, 1);
    if (JSON.parse(parent).length === depth0) expect(Math.abs(area - map.w * map.h)).toBeLessThanOrEqual(snapping);
    if (area < 1) continue;
    for (const c of sibs) {
      const expected = (area * c.tokens) / tokens;
      // Pixel rounding: a sub-pixel on each edge of the box.
      expect(Math.abs(c.w * c.h - expected), `${c.key.join(' > ')}: ${c.w}x${c.h} for ${c.tokens} of ${tokens} tokens`).toBeLessThanOrEqual(c.w + c.h + 1);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(0);
}

/** Tokens of each snapshot leaf by the picture's key (a file's path, a listing entry's kind:name). */
function leafTokens(s: Snapshot, loading: 'eager' | 'on-demand'): Map<string, number> {
  const counted = new Set(s.units.filter((u) => u.counted).map((u) => u.name));
  const m = new Map<string, number>();
  const add = (k: string, t: number) => m.set(k, (m.get(k) ?? 0) + t);
  for (const f of s.files) if (counted.has(f.unit) && f.loading === loading) add(`${f.unit}|f:${f.path}`, f.tokens);
  for (const e of [...s.listings.skills.items, ...s.listings.agents.items])
    if (counted.has(e.unit) && e.loading === loading) add(`${e.unit}|${e.kind}:${e.name}`, e.tokens);
  return m;
}

function drawnLeaves(cs: Cell[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of cs) if (!c.group) m.set(`${c.key[0]}|${c.key[c.key.length - 1]}`, c.tokens);
  return m;
}

async function setRadio(page: Page, name: string, value: string): Promise<void> {
  await page.click(`input[name="${name}"][value="${value}"]`);
}

const cases: { name: string; base: string; head: string }[] = [
  { name: 'example', base: path.join(FIXTURES, 'example-base'), head: path.join(FIXTURES, 'example-head') },
];
if (existsSync(CORPORA))
  for (const c of readdirSync(CORPORA).sort())
    if (statSync(path.join(CORPORA, c)).isDirectory()) cases.push({ name: c, base: path.join(CORPORA, c, 'base'), head: path.join(CORPORA, c, 'head') });

describe('the HTML report with other agents', () => {
  it('has an agent level: Claude Code and each agent, each summing to its own always-loaded total', async () => {
    const file = path.join(out, 'agents-analyze.html');
    const r = await cli(['analyze', path.join(FIXTURES, 'other-agents'), '--json', '--no-cache', '--agent', 'all', '--html', file]);
    expect(r.code, r.err).toBe(0);
    const snap = JSON.parse(r.out) as Snapshot;
    const { page, errors } = await open(file);
    try {
      const { cells: cs, crumbs } = await cells(page);
      expect(crumbs).toEqual(['all agents']);
      const top = Object.fromEntries(cs.filter((c) => c.key.length === 1).map((c) => [c.key[0], c.tokens]));
      expect(top).toEqual({
        'claude-code': snap.totals.eagerTokens,
        ...Object.fromEntries(snap.agents!.map((a) => [a.agent.id, a.totals.eagerTokens])),
      });
      // Codex's AGENTS.md is drawn at what it keeps, not the whole file.
      const codexAgents = cs.find((c) => c.key[0] === 'codex' && c.key[c.key.length - 1] === 'f:AGENTS.md')!;
      expect(codexAgents.tokens).toBe(snap.agents!.find((a) => a.agent.id === 'codex')!.files.find((f) => f.path === 'AGENTS.md')!.tokens);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe.each(cases)('the HTML report of $name in headless Chromium', ({ name, base, head }) => {
  it("analyze: opens offline with no console error; its totals, leaves and areas are the JSON report's", async () => {
    const file = path.join(out, `${name}-analyze.html`);
    const r = await cli(['analyze', head, '--json', '--no-cache', '--html', file]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`HTML report written to ${file}`);
    const snap = JSON.parse(r.out) as Snapshot;
    const { page, errors, blocked } = await open(file);
    try {
      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
      const totals = await page.evaluate(() => ({
        eager: Number(document.getElementById('cb-eager')!.dataset.head),
        onDemand: Number(document.getElementById('cb-ondemand')!.dataset.head),
      }));
      expect(totals).toEqual({ eager: snap.totals.eagerTokens, onDemand: snap.totals.onDemandTokens });

      // Always-loaded (the default): every eager leaf of the snapshot is drawn with its tokens, and they sum to the total.
      let { cells: cs, map } = await cells(page);
      const eager = leafTokens(snap, 'eager');
      expect(drawnLeaves(cs)).toEqual(new Map([...eager].filter(([, t]) => t > 0)));
      expect(cs.filter((c) => c.key.length === 1).reduce((s, c) => s + c.tokens, 0)).toBe(snap.totals.eagerTokens);
      if (snap.totals.eagerTokens > 0) expectAreasFollowTokens(cs, map, 0);

      await setRadio(page, 'cb-show', 'all');
      ({ cells: cs, map } = await cells(page));
      expect(cs.filter((c) => c.key.length === 1).reduce((s, c) => s + c.tokens, 0)).toBe(snap.totals.eagerTokens + snap.totals.onDemandTokens);
      expectAreasFollowTokens(cs, map, 0);

      // Zoom: a unit fills the map, the breadcrumb names it, Escape goes back.
      const top = cs.filter((c) => c.key.length === 1).sort((a, b) => b.tokens - a.tokens)[0]!;
      await page.mouse.click(
        top.x + 8 + (await page.$eval('#cb-map', (m) => m.getBoundingClientRect().x)),
        top.y + 8 + (await page.$eval('#cb-map', (m) => m.getBoundingClientRect().y)),
      );
      const zoomed = await cells(page);
      expect(zoomed.crumbs).toEqual(['all units', top.key[0]]);
      expect(zoomed.cells.every((c) => c.key[0] === top.key[0] && c.key.length >= 2)).toBe(true);
      expect(zoomed.cells.filter((c) => c.key.length === 2).reduce((s, c) => s + c.tokens, 0)).toBe(top.tokens);
      expectAreasFollowTokens(zoomed.cells, zoomed.map, 1);
      await page.keyboard.press('Escape');
      expect((await cells(page)).crumbs).toEqual(['all units']);

      // The keyboard alone: Tab reaches a box, its numbers show in the details panel, Enter zooms in.
      await page.focus('#cb-map .cell');
      const focused = await page.evaluate(() => ({
        label: document.activeElement!.getAttribute('aria-label') ?? '',
        details: document.querySelector('#cb-details strong')?.textContent ?? '',
        group: document.activeElement!.classList.contains('group'),
      }));
      expect(focused.label.startsWith(focused.details)).toBe(true);
      expect(focused.label).toMatch(/ tokens/);
      if (focused.group) {
        await page.keyboard.press('Enter');
        expect((await cells(page)).crumbs).toHaveLength(2);
        await page.keyboard.press('Escape');
      }

      // The listing bar: one segment per framework entry, the lost ones marked, the budget line placed.
      const listing = await page.evaluate(() => {
        const bar = document.querySelector<HTMLElement>('.lbar[data-side="head"]')!;
        return {
          segs: bar.querySelectorAll('.seg:not(.bundled)').length,
          lost: bar.querySelectorAll('.seg.lost').length,
          label: bar.getAttribute('aria-label'),
        };
      });
      const counted = new Set(snap.units.filter((u) => u.counted).map((u) => u.name));
      const items = snap.listings.skills.items.filter((e) => e.loading === 'eager' && counted.has(e.unit));
      expect(listing.segs).toBe(items.length);
      expect(listing.lost).toBe(items.filter((e) => e.truncated).length);
      expect(listing.label).toContain(
        `${snap.listings.skills.chars.toLocaleString('en-US')} of ${snap.listings.skills.budget.toLocaleString('en-US')} characters`,
      );
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, `${name}-analyze.png`) });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("diff: base, head and change views each draw their side's numbers; growth is marked without colour", async () => {
    const file = path.join(out, `${name}-diff.html`);
    const r = await cli(['diff', base, head, '--json', '--no-cache', '--html', file]);
    expect([0, 1], r.err).toContain(r.code);
    const report = JSON.parse(r.out) as GateReport;
    const size = readFileSync(file).length;
    expect(size).toBeLessThan(600_000);
    const { page, errors, blocked } = await open(file);
    try {
      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
      const cards = await page.evaluate(() => {
        const e = document.getElementById('cb-eager')!.dataset;
        const o = document.getElementById('cb-ondemand')!.dataset;
        return { eb: Number(e.base), eh: Number(e.head), ob: Number(o.base), oh: Number(o.head) };
      });
      const t = report.diff.totals;
      expect(cards).toEqual({ eb: t.eagerTokens.base, eh: t.eagerTokens.head, ob: t.onDemandTokens.base, oh: t.onDemandTokens.head });

      const sumTop = (cs: Cell[]) => cs.filter((c) => c.key.length === 1).reduce((s, c) => s + c.tokens, 0);
      await setRadio(page, 'cb-view', 'base');
      expect(sumTop((await cells(page)).cells)).toBe(t.eagerTokens.base);
      await setRadio(page, 'cb-view', 'head');
      let drawn = await cells(page);
      expect(sumTop(drawn.cells)).toBe(t.eagerTokens.head);
      if (t.eagerTokens.head > 0) expectAreasFollowTokens(drawn.cells, drawn.map, 0);
      await setRadio(page, 'cb-view', 'delta');
      drawn = await cells(page);
      // The change view sizes by the larger side; a changed file's label carries its sign (▲ or ▼), not only a colour.
      const grew = report.diff.files.filter((f) => f.eager.delta !== 0 && f.loadingHead === 'eager' && f.loadingBase === 'eager');
      for (const f of grew.slice(0, 5)) {
        const cell = drawn.cells.find((c) => c.key[c.key.length - 1] === `f:${f.path}`);
        if (!cell || !cell.label) continue;
        expect(cell.label).toContain(f.eager.delta > 0 ? `▲+${f.eager.delta.toLocaleString('en-US')}` : `▼−${(-f.eager.delta).toLocaleString('en-US')}`);
      }
      expect(await page.$$eval('.lbar', (b) => b.map((x) => (x as HTMLElement).dataset.side))).toEqual(['base', 'head']);
      await page.screenshot({ path: path.join(SHOTS, `${name}-diff.png`) });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
