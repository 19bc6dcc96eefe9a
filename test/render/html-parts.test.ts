/**
 * The HTML report's parts the goldens' frameworks never reach (issue 24: their mutants had no
 * covering test): escaping, data a file name cannot break out of, the table's cap, uncounted units,
 * Claude Code's default model, the diff-only controls, the page's compact data given back exactly,
 * and an analysis picture's title and side.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.js';
import { normalizeConfig } from '../../src/config/load.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { escapeHtml, HTML_TABLE_ROWS, renderHtml } from '../../src/render/html.js';
import { expandPicture, pictureOf, pictureOfDiff, wirePicture } from '../../src/render/picture.js';
import { analyzeDir, beforeShared, cleanup, plugin, tmpDir, writeFiles } from '../helpers.js';

const skill = (n: string, words = 3) => `---\nname: ${n}\ndescription: The ${n} skill ${'does '.repeat(words)}\n---\nBody of ${n}.\n`;

async function analyzed(files: Record<string, string>, installed?: 'none'): Promise<Snapshot> {
  const dir = tmpDir();
  writeFiles(dir, files);
  try {
    return await analyzeDir(dir, {}, installed);
  } finally {
    cleanup(dir);
  }
}

describe('the HTML report', () => {
  let base: Snapshot;
  let head: Snapshot;
  beforeShared(async () => {
    const alpha = {
      ...plugin('alpha'),
      'plugins/alpha/skills/as/SKILL.md': skill('as'),
    };
    base = await analyzed({ 'CLAUDE.md': '# P\n\nUse pnpm.\n', '.claude/skills/a/SKILL.md': skill('a'), ...alpha }, 'none');
    head = await analyzed(
      {
        'CLAUDE.md': '# P\n\nUse pnpm. Run the tests before you push.\n@docs/x.md\n',
        'docs/x.md': 'More words here.\n',
        '.claude/skills/a/SKILL.md': skill('a', 9),
        '.claude/rules/x</script><!--.md': 'A rule with a hostile name.\n',
        ...alpha,
      },
      'none',
    );
  });
  const report = () => compare({ base, head, baseLabel: 'main', headLabel: 'pr', loadTime: null }, normalizeConfig({}, 'defaults'));

  it('escapes the five characters HTML gives meaning', () => {
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f');
  });

  it("keeps the page's data inside its script element whatever a path holds", () => {
    const html = renderHtml(pictureOfDiff(base, head, report()));
    const data = html.slice(html.indexOf('<script type="application/json" id="cb-data">'));
    const json = data.slice(data.indexOf('>') + 1, data.indexOf('</script>'));
    expect(json).not.toContain('<');
    expect(JSON.stringify(JSON.parse(json))).toContain('x</script><!--.md');
    // The table shows the same path escaped.
    expect(html).toContain('.claude/rules/x&lt;/script&gt;&lt;!--.md');
  });

  it('has the base/head/change controls and columns in a diff only, and names uninstalled plugins', () => {
    const diff = renderHtml(pictureOfDiff(base, head, report()));
    const one = renderHtml(pictureOf(head));
    expect(diff).toContain('<legend>Area and colour</legend>');
    expect(diff).toContain('<th class="n">Base</th><th class="n">Head</th><th class="n">Change</th>');
    expect(one).not.toContain('Area and colour');
    expect(one).toContain('<th class="n">Tokens</th>');
    for (const html of [diff, one]) expect(html).toContain('<p class="sub">Not installed, so not drawn: alpha.</p>');
    // A listing entry is shown with the file and line it comes from.
    expect(one).toMatch(/<td>a <code>\.claude\/skills\/a\/SKILL\.md:3<\/code><\/td>/);
    // Without a model id: Claude Code's default.
    expect(renderHtml({ ...pictureOf(head), model: { contextWindow: 200_000 } })).toContain('· Claude Code&#39;s default model, 200,000-token window ·');
    expect(renderHtml({ ...pictureOf(head), model: { id: 'claude-x', contextWindow: 1000 } })).toContain('· claude-x, 1,000-token window ·');
  });

  it(`lists ${HTML_TABLE_ROWS} rows and counts the smaller ones it leaves out`, () => {
    const p = pictureOf(head);
    const leaf = p.tree.children![0]!.children![0]!.children![0]!;
    const many = Array.from({ length: HTML_TABLE_ROWS + 7 }, (_, i) => ({ ...leaf, name: `n${i}`, key: `k${i}`, head: 1000 - i }));
    const big = { ...p, tree: { ...p.tree, children: [{ ...p.tree.children![0]!, children: [{ ...p.tree.children![0]!.children![0]!, children: many }] }] } };
    const html = renderHtml(big);
    expect(html).toContain('<p class="sub">7 smaller items not shown here; the JSON report has every one.</p>');
    expect(html).toContain(`>n${HTML_TABLE_ROWS - 1}<`);
    expect(html).not.toContain(`>n${HTML_TABLE_ROWS}<`);
    expect(renderHtml(p)).not.toContain('smaller items not shown');
  });

  it("gives back the picture exactly from the page's compact data, and is smaller", () => {
    for (const p of [pictureOf(head), pictureOfDiff(base, head, report(), { linkBase: 'https://github.com/o/r/blob/abc/' })]) {
      const wire = wirePicture(p);
      expect(expandPicture(JSON.parse(JSON.stringify(wire)))).toEqual(p);
      expect(JSON.stringify(wire).length).toBeLessThan(JSON.stringify(p).length);
    }
  });

  it('titles an analysis by its ref, else its short commit, else its folder; its side is the ref or the working tree', () => {
    const at = (source: Snapshot['source']) => pictureOf({ ...head, source });
    expect(at({ kind: 'git', root: '/r', ref: 'main', commit: 'abcdef0123456789' })).toMatchObject({
      title: 'main',
      sides: [{ label: 'main', commit: 'abcdef0123456789' }],
    });
    expect(at({ kind: 'git', root: '/r', commit: 'abcdef0123456789' })).toMatchObject({
      title: 'abcdef0',
      sides: [{ label: 'working tree', commit: 'abcdef0123456789' }],
    });
    expect(at({ kind: 'worktree', root: '/r' })).toMatchObject({ title: '/r', sides: [{ label: 'working tree' }] });
    expect(at({ kind: 'worktree', root: '/r' }).sides[0]).not.toHaveProperty('commit');
  });
});

describe("the picture's categories", () => {
  it('are named in words, with their loading, one node per category a framework loads', async () => {
    const s = await analyzed({
      'CLAUDE.md': '# P\n@docs/ref.md\n',
      'docs/ref.md': 'Referenced.\n',
      '.claude/rules/always.md': 'Always.\n',
      '.claude/rules/scoped.md': '---\npaths: ["src/**"]\n---\nScoped.\n',
      'pkg/CLAUDE.md': 'Package.\n',
      '.claude/skills/s/SKILL.md': skill('s'),
      '.claude/skills/s/notes.md': 'Bundled.\n',
      '.claude/commands/c.md': '---\ndescription: C.\n---\nRead @docs/ref.md.\n',
      '.claude/agents/a.md': '---\ndescription: A.\n---\nAgent body.\n',
      '.claude/output-styles/terse.md': '---\nname: terse\n---\nBe terse.\n',
      '.claude/settings.json': JSON.stringify({ outputStyle: 'terse' }),
    });
    const names: string[] = [];
    const walk = (n: { kind: string; name: string; children?: unknown[] }) => {
      if (n.kind === 'category') names.push(n.name);
      for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
    };
    walk(pictureOf(s).tree as never);
    expect(names.sort()).toEqual(
      [
        'agent bodies (on demand)',
        'agent listing (always-loaded)',
        'command bodies (on demand)',
        'memory files (always-loaded)',
        'nested memory (on demand)',
        'output style (always-loaded)',
        'path rules (on demand)',
        'resources (on demand)',
        'rules (always-loaded)',
        'skill bodies (on demand)',
        'skill listing (always-loaded)',
      ].sort(),
    );
  });
});
