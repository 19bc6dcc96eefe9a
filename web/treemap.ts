/**
 * The HTML report's script (bundled with d3-hierarchy by scripts/build-web.mjs into
 * src/render/html-assets.generated.ts, then inlined: the page needs no network). It reads the
 * picture (src/render/picture.ts) from the page and draws a zoomable treemap of tokens, a
 * base/head/change toggle in a diff, details on hover and keyboard focus, and the skill listing
 * against its budget. Areas are the layout's own: no inner padding, borders inside the boxes.
 */
import { hierarchy, treemap, treemapSquarify, type HierarchyRectangularNode } from 'd3-hierarchy';
import { expandPicture, type ListingPicture, type PictureNode, type WirePicture } from '../src/render/picture.js';

type View = 'base' | 'head' | 'delta';
type Show = 'eager' | 'on-demand' | 'all';

const data = expandPicture(JSON.parse(document.getElementById('cb-data')!.textContent!) as WirePicture);
const diff = data.mode === 'diff';
const map = document.getElementById('cb-map')!;
const crumbs = document.getElementById('cb-crumbs')!;
const details = document.getElementById('cb-details')!;
let view: View = diff ? 'delta' : 'head';
/** Which tokens are drawn: always-loaded (the default: what every session pays), on demand, or both. */
let show: Show = 'eager';
const trail: PictureNode[] = [data.tree];
const fmt = new Intl.NumberFormat('en-US');
const signed = (n: number) => (n > 0 ? `+${fmt.format(n)}` : n < 0 ? `−${fmt.format(-n)}` : '±0');

function value(d: PictureNode): number {
  if (show !== 'all' && d.loading !== show) return 0;
  const b = d.base ?? 0;
  return view === 'base' ? b : view === 'head' ? d.head : Math.max(b, d.head);
}

/** Growth class of a node in the change view: grew, shrank, added, removed, same. */
function change(d: PictureNode): string {
  const b = d.base ?? 0;
  if (b === 0 && d.head > 0) return 'added';
  if (d.head === 0 && b > 0) return 'removed';
  return d.head > b ? 'grew' : d.head < b ? 'shrank' : 'same';
}

function link(d: PictureNode): HTMLElement {
  const where = d.path ? `${d.path}${d.line ? `:${d.line}` : ''}` : '';
  if (!where) return document.createElement('span');
  if (!data.linkBase) {
    const code = document.createElement('code');
    code.textContent = where;
    return code;
  }
  const a = document.createElement('a');
  a.href = `${data.linkBase}${d.path!.split('/').map(encodeURIComponent).join('/')}${d.line ? `#L${d.line}` : ''}`;
  a.textContent = where;
  return a;
}

function describe(d: PictureNode): string {
  const parts = [d.name];
  if (d.loading) parts.push(d.loading === 'eager' ? 'always-loaded' : 'on demand');
  if (diff) parts.push(`base ${fmt.format(d.base ?? 0)}, head ${fmt.format(d.head)} tokens (${signed(d.head - (d.base ?? 0))}, ${change(d)})`);
  else parts.push(`${fmt.format(d.head)} tokens`);
  return parts.join('; ');
}

function showDetails(d: PictureNode): void {
  details.replaceChildren();
  const h = document.createElement('strong');
  h.textContent = d.name;
  const rows: [string, string | HTMLElement][] = [];
  rows.push(['kind', d.kind === 'entry' ? 'listing entry' : d.kind]);
  if (d.loading) rows.push(['loading', d.loading === 'eager' ? 'always-loaded (every session pays it)' : 'on demand (paid when used)']);
  const total = d.loading === 'on-demand' ? data.totals.onDemand : data.totals.eager;
  const share = (t: number, of: number | undefined) =>
    of ? ` (${((100 * t) / of).toFixed(1)}% of ${d.loading === 'on-demand' ? 'on-demand' : 'always-loaded'})` : '';
  if (diff) {
    rows.push(['base', `${fmt.format(d.base ?? 0)} tokens${d.loading ? share(d.base ?? 0, total.base) : ''}`]);
    rows.push(['head', `${fmt.format(d.head)} tokens${d.loading ? share(d.head, total.head) : ''}`]);
    rows.push(['change', `${signed(d.head - (d.base ?? 0))} tokens (${change(d)})`]);
  } else rows.push(['tokens', `${fmt.format(d.head)}${d.loading ? share(d.head, total.head) : ''}`]);
  if (d.headChars !== undefined || d.baseChars !== undefined)
    rows.push(['characters', diff ? `${fmt.format(d.baseChars ?? 0)} → ${fmt.format(d.headChars ?? 0)}` : fmt.format(d.headChars ?? 0)]);
  if (d.path) rows.push(['file', link(d)]);
  if (d.children) rows.push(['contains', `${d.children.length} (Enter or click to zoom in)`]);
  const dl = document.createElement('dl');
  for (const [k, v] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    if (typeof v === 'string') dd.textContent = v;
    else dd.append(v);
    dl.append(dt, dd);
  }
  details.append(h, dl);
}

function zoomTo(depth: number): void {
  trail.length = depth + 1;
  render();
}

function zoomInto(d: PictureNode): void {
  if (!d.children || !d.children.length) return;
  trail.push(d);
  render();
  (map.querySelector('.cell') as HTMLElement | null)?.focus();
}

function renderCrumbs(): void {
  crumbs.replaceChildren();
  trail.forEach((d, i) => {
    if (i) crumbs.append(' › ');
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = i === 0 ? (data.tree.children?.[0]?.kind === 'agent' ? 'all agents' : 'all units') : d.name;
    b.disabled = i === trail.length - 1;
    if (b.disabled) b.setAttribute('aria-current', 'true');
    b.addEventListener('click', () => zoomTo(i));
    crumbs.append(b);
  });
}

function render(): void {
  renderCrumbs();
  const focus = trail[trail.length - 1]!;
  const W = map.clientWidth;
  const H = map.clientHeight;
  const root = hierarchy(focus, (d) => d.children)
    .sum((d) => (d.children ? 0 : value(d)))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || (a.data.key < b.data.key ? -1 : 1));
  treemap<PictureNode>()
    .tile(treemapSquarify)
    .size([W, H])
    .round(false)
    .paddingTop((n) => (n.depth > 0 && n.x1 - n.x0 > 48 && n.y1 - n.y0 > 36 ? 18 : 0))(root);
  map.replaceChildren();
  map.setAttribute('aria-label', `Treemap of ${focus === data.tree ? 'all units' : focus.name}: ${describe(focus)}`);
  const frag = document.createDocumentFragment();
  const cells = root.descendants().filter((n) => n.depth > 0 && (n.value ?? 0) > 0) as HierarchyRectangularNode<PictureNode>[];
  for (const n of cells) {
    const d = n.data;
    const el = document.createElement('div');
    const w = n.x1 - n.x0;
    const h = n.y1 - n.y0;
    // Boxes too small for their borders drop them (a border would make the box larger than its share).
    el.className = `cell ${n.children ? 'group' : 'leaf'} ${d.loading ?? 'mixed'} k-${d.kind}${diff && view === 'delta' ? ` c-${change(d)}` : ''}${w < 8 || h < 8 ? ' tiny' : ''}`;
    el.style.left = `${n.x0}px`;
    el.style.top = `${n.y0}px`;
    el.style.width = `${w}px`;
    el.style.height = `${h}px`;
    el.dataset.key = keyPath(n);
    el.dataset.tokens = String(n.value);
    el.tabIndex = 0;
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', describe(d));
    if (w > 36 && h > 14) {
      const label = document.createElement('span');
      label.className = 'label';
      const delta = diff && view === 'delta' ? ` ${d.head > (d.base ?? 0) ? '▲' : d.head < (d.base ?? 0) ? '▼' : ''}${signed(d.head - (d.base ?? 0))}` : '';
      const unit = trail.length > 1 ? trail[1]!.key : (n.ancestors().find((a) => a.depth === 1)?.data.key ?? '');
      const name =
        d.kind === 'file'
          ? d.name.slice(d.name.lastIndexOf('/') + 1)
          : d.kind === 'entry' && d.name.startsWith(`${unit}:`)
            ? d.name.slice(unit.length + 1)
            : d.name;
      label.textContent = `${name} ${fmt.format(view === 'base' ? (d.base ?? 0) : d.head)}${delta}`;
      el.append(label);
    }
    const top = n.depth === 1 ? n : n.ancestors().find((a) => a.depth === 1)!;
    el.addEventListener('click', (e) => {
      e.stopPropagation();
      showDetails(d);
      zoomInto(top.data.children?.length ? top.data : d);
    });
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        if (d.children) zoomInto(d);
        else showDetails(d);
      }
    });
    el.addEventListener('mouseenter', () => showDetails(d));
    el.addEventListener('focus', () => showDetails(d));
    frag.append(el);
  }
  map.append(frag);
}

/** A cell's keys from the root, as JSON (what tests and links address it by: file keys hold slashes). */
function keyPath(n: HierarchyRectangularNode<PictureNode>): string {
  const below = n
    .ancestors()
    .reverse()
    .slice(1)
    .map((a) => a.data.key);
  return JSON.stringify([...trail.slice(1).map((d) => d.key), ...below]);
}

function renderListing(): void {
  const box = document.getElementById('cb-listing');
  if (!box) return;
  const sides: [string, ListingPicture][] =
    diff && data.listing.base
      ? [
          ['base', data.listing.base],
          ['head', data.listing.head],
        ]
      : [['head', data.listing.head]];
  const scale = Math.max(...sides.map(([, l]) => Math.max(l.chars, l.budget)), 1);
  const baseLost = new Set((data.listing.base?.items ?? []).filter((i) => i.truncated).map((i) => i.name));
  for (const [side, l] of sides) {
    const row = document.createElement('div');
    row.className = 'lrow';
    const label = document.createElement('div');
    label.className = 'llabel';
    const lost = l.items.filter((i) => i.truncated).length;
    label.textContent = `${diff ? `${side}: ` : ''}${fmt.format(l.chars)} of ${fmt.format(l.budget)} characters; ${lost ? `${lost} entr${lost === 1 ? 'y loses its' : 'ies lose their'} description` : 'every entry keeps its description'}`;
    const bar = document.createElement('div');
    bar.className = 'lbar';
    bar.dataset.side = side;
    bar.setAttribute('role', 'img');
    bar.setAttribute('aria-label', label.textContent);
    for (const it of l.items) {
      const seg = document.createElement('span');
      const newly = side === 'head' && diff && it.truncated && !baseLost.has(it.name);
      seg.className = `seg${it.truncated ? ' lost' : ''}${newly ? ' newly' : ''}`;
      seg.style.width = `${(100 * it.chars) / scale}%`;
      seg.title = `${it.name}: ${fmt.format(it.chars)} characters${it.truncated ? ', listed by name only (description lost)' : ''}${newly ? ' because of this change' : ''}`;
      bar.append(seg);
    }
    if (l.bundled) {
      const seg = document.createElement('span');
      seg.className = 'seg bundled';
      seg.style.width = `${(100 * l.bundled) / scale}%`;
      seg.title = `Claude Code's bundled entries: ${fmt.format(l.bundled)} characters`;
      bar.append(seg);
    }
    const line = document.createElement('span');
    line.className = 'budget';
    line.style.left = `${(100 * l.budget) / scale}%`;
    line.title = `budget: ${fmt.format(l.budget)} characters`;
    bar.append(line);
    row.append(label, bar);
    box.append(row);
  }
}

for (const input of document.querySelectorAll<HTMLInputElement>('input[name="cb-show"]')) {
  if (input.value === show) input.checked = true;
  input.addEventListener('change', () => {
    show = input.value as Show;
    trail.length = 1;
    render();
  });
}
for (const input of document.querySelectorAll<HTMLInputElement>('input[name="cb-view"]')) {
  if (input.value === view) input.checked = true;
  input.addEventListener('change', () => {
    view = input.value as View;
    render();
  });
}
document.addEventListener('keydown', (e) => {
  if ((e.key === 'Escape' || e.key === 'Backspace') && trail.length > 1 && !(e.target instanceof HTMLInputElement)) {
    e.preventDefault();
    zoomTo(trail.length - 2);
  }
});
let resize = 0;
window.addEventListener('resize', () => {
  cancelAnimationFrame(resize);
  resize = requestAnimationFrame(render);
});
render();
renderListing();
document.documentElement.dataset.readyMs = String(Math.round(performance.now()));
document.documentElement.dataset.ready = 'true';
