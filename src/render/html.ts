/**
 * The HTML report: one self-contained file (inline styles and script, no network) that shows where
 * the context goes. The numbers are the picture's (picture.ts), built from the same snapshots as the
 * JSON report; the script (web/treemap.ts) lays them out with d3-hierarchy in the browser, and a
 * plain table below says the same without script or colour.
 */
import { TREEMAP_JS } from './html-assets.generated.js';
import { loadingLabel, pictureLeaves, wirePicture, type Picture, type PictureNode } from './picture.js';

/** Rows of the plain table (largest first); the JSON report has them all. */
export const HTML_TABLE_ROWS = 300;

const fmt = (n: number) => n.toLocaleString('en-US');
const signed = (n: number) => (n > 0 ? `+${fmt(n)}` : n < 0 ? `−${fmt(-n)}` : '±0');

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON safe inside a <script> element: no "</script>", no "<!--". */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c');
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;--eager:#d9480f;--eager-bg:#ffe8cc;--lazy:#1864ab;--lazy-bg:#d0ebff;--grew:#c92a2a;--grew-bg:#ffc9c9;--shrank:#2b8a3e;--shrank-bg:#b2f2bb}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#151b23;--line:#3d444d;--eager-bg:#5c2b0c;--lazy-bg:#0c3558;--grew-bg:#6b1d1d;--shrank-bg:#14452a}}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1280px;margin:0 auto;padding:16px 20px 40px}h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px}
.sub{color:var(--muted);margin:0 0 12px}.cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.card{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-width:180px}.card b{display:block;font-size:18px}
.controls{display:flex;flex-wrap:wrap;align-items:center;gap:16px;margin:8px 0}fieldset{border:1px solid var(--line);border-radius:6px;padding:2px 10px;margin:0}
#cb-crumbs button{font:inherit;background:none;border:0;color:var(--lazy);cursor:pointer;padding:2px;text-decoration:underline}#cb-crumbs button:disabled{color:var(--fg);text-decoration:none;cursor:default;font-weight:600}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 300px;gap:12px}@media (max-width:900px){.layout{grid-template-columns:1fr}}
#cb-map{position:relative;height:560px;border:1px solid var(--line);overflow:hidden;background:var(--panel)}
.cell{position:absolute;border:1px solid var(--bg);overflow:hidden;cursor:pointer}.cell:focus{outline:3px solid var(--fg);outline-offset:-3px;z-index:2}
.group{background:transparent}.group>.label{font-weight:600}
.leaf.eager{background:var(--eager-bg);border-left:3px solid var(--eager)}
.leaf.on-demand{background:repeating-linear-gradient(135deg,var(--lazy-bg) 0 6px,var(--panel) 6px 9px);border-left:3px dashed var(--lazy)}
.leaf.c-grew,.leaf.c-added{background:var(--grew-bg)}.leaf.c-shrank,.leaf.c-removed{background:var(--shrank-bg)}.leaf.c-removed{border-style:dashed;opacity:.8}
.cell.tiny{border:0}
.label{display:block;padding:1px 4px;font-size:12px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;pointer-events:none}
#cb-details{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:10px;min-height:120px;overflow-wrap:anywhere}
#cb-details dl{display:grid;grid-template-columns:auto 1fr;gap:2px 8px;margin:8px 0 0}#cb-details dt{color:var(--muted)}#cb-details dd{margin:0}
.legend{display:flex;flex-wrap:wrap;gap:14px;color:var(--muted);font-size:12px;margin:6px 0}.sw{display:inline-block;width:14px;height:12px;vertical-align:-2px;margin-right:4px;border:1px solid var(--line)}
.sw.eager{background:var(--eager-bg);border-left:3px solid var(--eager)}.sw.on-demand{background:repeating-linear-gradient(135deg,var(--lazy-bg) 0 4px,var(--panel) 4px 6px);border-left:3px dashed var(--lazy)}.sw.grew{background:var(--grew-bg)}.sw.shrank{background:var(--shrank-bg)}
.lrow{margin:8px 0}.llabel{font-size:13px;margin-bottom:2px}.lbar{position:relative;display:flex;height:22px;background:var(--panel);border:1px solid var(--line)}
.seg{height:100%;background:var(--eager-bg);border-right:1px solid var(--bg)}.seg.lost{background:repeating-linear-gradient(90deg,var(--grew-bg) 0 3px,var(--panel) 3px 5px)}.seg.newly{background:var(--grew)}.seg.bundled{background:var(--line)}
.budget{position:absolute;top:-4px;bottom:-4px;width:0;border-left:2px solid var(--fg)}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
code{font-size:12px}a{color:var(--lazy)}footer{color:var(--muted);font-size:12px;margin-top:24px}
`;

function card(label: string, t: { base?: number; head: number }, diff: boolean, id: string): string {
  const delta = diff ? ` <span>(${signed(t.head - (t.base ?? 0))} from ${fmt(t.base ?? 0)})</span>` : '';
  return `<div class="card" id="${id}" data-head="${t.head}"${diff ? ` data-base="${t.base ?? 0}"` : ''}>${escapeHtml(label)}<b>${fmt(t.head)} tokens</b>${delta}</div>`;
}

/** The plain table: every leaf's numbers, largest first (capped at HTML_TABLE_ROWS). */
function table(p: Picture): string {
  const diff = p.mode === 'diff';
  const rows: { unit: string; n: PictureNode }[] = [];
  for (const unit of p.tree.children ?? []) for (const n of pictureLeaves(unit)) rows.push({ unit: unit.name, n });
  rows.sort((a, b) => Math.max(b.n.head, b.n.base ?? 0) - Math.max(a.n.head, a.n.base ?? 0) || (a.n.key < b.n.key ? -1 : 1));
  const shown = rows.slice(0, HTML_TABLE_ROWS);
  const head = `<tr><th>Unit</th><th>Loaded</th><th>Item</th>${diff ? '<th class="n">Base</th><th class="n">Head</th><th class="n">Change</th>' : '<th class="n">Tokens</th>'}</tr>`;
  const body = shown
    .map(({ unit, n }) => {
      const where = n.path && n.kind === 'entry' ? ` <code>${escapeHtml(n.path)}${n.line ? `:${n.line}` : ''}</code>` : '';
      const nums = diff
        ? `<td class="n">${fmt(n.base ?? 0)}</td><td class="n">${fmt(n.head)}</td><td class="n">${signed(n.head - (n.base ?? 0))}</td>`
        : `<td class="n">${fmt(n.head)}</td>`;
      return `<tr><td>${escapeHtml(unit)}</td><td>${n.loading ? loadingLabel(n.loading) : ''}</td><td>${escapeHtml(n.name)}${where}</td>${nums}</tr>`;
    })
    .join('\n');
  const more =
    rows.length > shown.length ? `<p class="sub">${fmt(rows.length - shown.length)} smaller items not shown here; the JSON report has every one.</p>` : '';
  return `<table id="cb-table"><thead>${head}</thead><tbody>\n${body}\n</tbody></table>${more}`;
}

/** The HTML report of a picture. */
export function renderHtml(p: Picture): string {
  const diff = p.mode === 'diff';
  const sides = p.sides.map((s) => `${escapeHtml(s.label)}${s.commit ? ` (<code>${escapeHtml(s.commit.slice(0, 12))}</code>)` : ''}`).join(' → ');
  const window = p.totals.eager.head / p.model.contextWindow;
  const toggle = diff
    ? `<fieldset><legend>Area and colour</legend>${(['base', 'head', 'delta'] as const)
        .map((v) => `<label><input type="radio" name="cb-view" value="${v}"> ${v === 'delta' ? 'change' : v}</label>`)
        .join(' ')}</fieldset>`
    : '';
  const shows = `<fieldset><legend>Tokens drawn</legend>${(
    [
      ['eager', 'always-loaded'],
      ['on-demand', 'on demand'],
      ['all', 'both'],
    ] as const
  )
    .map(([v, l]) => `<label><input type="radio" name="cb-show" value="${v}"> ${l}</label>`)
    .join(' ')}</fieldset>`;
  const legend = `<div class="legend"><span><i class="sw eager"></i>always-loaded: paid in every session (solid, solid edge)</span><span><i class="sw on-demand"></i>on demand: paid when used (striped, dashed edge)</span>${
    diff ? '<span><i class="sw grew"></i>grew or added (▲, +)</span><span><i class="sw shrank"></i>shrank or removed (▼, −)</span>' : ''
  }<span>Area: tokens${diff ? ' (change view: the larger side)' : ''}. Click or Enter zooms in; Escape goes back.</span></div>`;
  const uncounted = p.uncounted.length ? `<p class="sub">Not installed, so not drawn: ${p.uncounted.map(escapeHtml).join(', ')}.</p>` : '';
  const listingNote =
    p.listing.scope === 'per-plugin' ? ' The gate judges this marketplace one plugin at a time; this bar shows every counted unit installed together.' : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>context-budget: ${escapeHtml(p.title)}</title><style>${STYLE}</style></head>
<body><main>
<h1>Where the context goes</h1>
<p class="sub">${sides} · ${escapeHtml(p.model.id ?? "Claude Code's default model")}, ${fmt(p.model.contextWindow)}-token window · ${escapeHtml(p.tokenizer)} estimates</p>
<div class="cards">${card('Always-loaded', p.totals.eager, diff, 'cb-eager')}${card('On demand', p.totals.onDemand, diff, 'cb-ondemand')}<div class="card">Window share<b>${(100 * window).toFixed(1)}%</b> always-loaded</div></div>
<div class="controls">${shows}${toggle}<nav id="cb-crumbs" aria-label="Zoom"></nav></div>
${legend}
<div class="layout"><div id="cb-map" role="group"></div><aside id="cb-details" aria-live="polite"><span class="sub">Hover or focus a box for its numbers.</span></aside></div>
${uncounted}
<h2>Skill listing budget</h2>
<p class="sub">Each segment is one entry in listing order; past the budget line entries are listed by name only (striped: description lost${diff ? '; solid red: lost because of this change' : ''}). Grey: Claude Code's own bundled entries.${listingNote}</p>
<div id="cb-listing"></div>
<h2>Table</h2>
${table(p)}
<footer>context-budget · the same numbers as the JSON report (<code>--json</code>) · token counts are estimates</footer>
</main>
<script type="application/json" id="cb-data">${scriptJson(wirePicture(p))}</script>
<script>${TREEMAP_JS.replace(/<\/script/gi, '<\\/script')}</script>
</body></html>
`;
}
