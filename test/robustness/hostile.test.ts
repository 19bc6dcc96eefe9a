/**
 * Hostile input: nothing runs, nothing outside the repository is read, parsing survives
 * everything, and each problem is reported with its file.
 */
import { existsSync, mkdirSync, openSync, closeSync, ftruncateSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { worktreeSource } from '../../src/collect/worktree.js';
import { DEFAULT_LIMITS, DEFAULT_MODEL } from '../../src/model/constants.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { countChunked } from '../../src/tokenize/tokenizer.js';
import { analyzeDir, analyzeRef, cleanup, commitAll, counter, gitInit, tmpDir, writeFiles } from '../helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));
function repo(files: Record<string, string | Buffer>): string {
  const d = tmpDir();
  dirs.push(d);
  writeFiles(d, files);
  return d;
}
const diag = (s: Snapshot, file: string, code?: string) => s.diagnostics.filter((d) => d.file === file && (!code || d.code === code));

describe('nothing from the repository is executed', () => {
  it('treats ---js frontmatter as text and never runs a workflow script', async () => {
    const sentinel = path.join(tmpDir(), 'pwned');
    dirs.push(path.dirname(sentinel));
    const code = `require('fs').writeFileSync(${JSON.stringify(sentinel)}, 'x')`;
    const d = repo({
      'CLAUDE.md': '# Root\n',
      '.claude/skills/js/SKILL.md': `---js\n{ name: (${code}, 'js'), description: 'x' }\n---\nBody\n`,
      '.claude/agents/js.md': `---javascript\nmodule.exports = (${code})\n---\n`,
      '.claude/workflows/evil.js': `export const meta = { name: 'evil', description: 'x' };\n${code.replace('require', 'globalThis.require')};\n`,
      '.claude/workflows/evil2.js': `export const meta = { name: (${code}), description: 'x' };\n`,
    });
    const s = await analyzeDir(d);
    expect(existsSync(sentinel)).toBe(false);
    expect(diag(s, '.claude/skills/js/SKILL.md', 'frontmatter')[0]?.message).toContain('never evaluated');
    expect(s.listings.skills.items.find((e) => e.name === 'evil')?.text).toBe('- evil: x');
    expect(diag(s, '.claude/workflows/evil2.js', 'workflow-meta')[0]?.message).toContain('not a pure object literal');
  });
});

describe('nothing outside the repository is read', () => {
  let s: Snapshot;
  let secret: string;
  beforeAll(async () => {
    const outside = tmpDir('cb-outside-');
    dirs.push(outside);
    secret = `TOP-SECRET-${Date.now()}`;
    writeFileSync(path.join(outside, 'id_rsa'), secret);
    const d = repo({
      'CLAUDE.md': `# Root\n@~/.ssh/id_rsa\n@/etc/passwd\n@../../outside.md\n@${path.join(outside, 'id_rsa')}\n@links/key.md\n@links/home/x.md\n@links/loop1.md\n`,
    });
    mkdirSync(path.join(d, 'links'));
    symlinkSync(path.join(outside, 'id_rsa'), path.join(d, 'links/key.md'));
    symlinkSync(outside, path.join(d, 'links/home'));
    symlinkSync('loop2.md', path.join(d, 'links/loop1.md'));
    symlinkSync('loop1.md', path.join(d, 'links/loop2.md'));
    symlinkSync('/etc/passwd', path.join(d, '.claude-rule.md'));
    mkdirSync(path.join(d, '.claude/rules'), { recursive: true });
    symlinkSync(path.join(outside, 'id_rsa'), path.join(d, '.claude/rules/secret.md'));
    s = await analyzeDir(d);
  });

  it('reports every escaping import and symlink as unresolved or external', () => {
    const reasons = Object.fromEntries(s.graph.unresolved.filter((u) => u.from === 'CLAUDE.md').map((u) => [u.ref, u.reason]));
    expect(reasons['~/.ssh/id_rsa']).toBe('home');
    expect(reasons['/etc/passwd']).toBe('external');
    expect(reasons['../../outside.md']).toBe('external');
    expect(reasons['links/key.md']).toBe('external');
    expect(reasons['links/home/x.md']).toBe('external');
    expect(reasons['links/loop1.md']).toBe('loop');
    expect(diag(s, '.claude/rules/secret.md', 'symlink-external')).toHaveLength(1);
  });

  it('never reads their content', () => {
    const json = JSON.stringify(s);
    expect(json).not.toContain(secret);
    expect(json).not.toContain('root:x:0:0');
    expect(s.files.every((f) => !f.path.startsWith('/') && !f.path.startsWith('..'))).toBe(true);
  });
});

describe('parsing survives everything, and says what it could not read', () => {
  let s: Snapshot;
  const bomb = [
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    ...Array.from(
      { length: 9 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
    ),
  ].join('\n');
  beforeAll(async () => {
    const d = repo({
      'CLAUDE.md': '# Root\r\nWindows line endings\r\n@docs/crlf.md\r\n',
      'docs/crlf.md': 'CRLF import target\r\n',
      '.claude/skills/bomb/SKILL.md': `---\nname: bomb\ndescription: alias bomb\n${bomb}\n---\nBody\n`,
      '.claude/skills/deep/SKILL.md': `---\nname: deep\ndescription: deep\nx: ${'['.repeat(20000)}${']'.repeat(20000)}\n---\nBody\n`,
      '.claude/skills/huge/SKILL.md': `---\nname: huge\ndescription: ${'h'.repeat(400_000)}\n---\nBody\n`,
      '.claude/skills/utf16/SKILL.md': Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('---\nname: utf16\ndescription: UTF-16 text\n---\nBody\n', 'utf16le'),
      ]),
      '.claude/skills/badutf8/SKILL.md': Buffer.concat([
        Buffer.from('---\nname: badutf8\ndescription: bad '),
        Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
        Buffer.from('\n---\nBody\n'),
      ]),
      '.claude/rules/nul.md': Buffer.from('text\0with NUL bytes\0'),
      '.claude/commands/binary.md': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      '.claude/agents/unclosed.md': '---\nname: unclosed\ndescription: never closed\n',
      '.claude/agents/template.md': '---\nname: {{AGENT_NAME}}\ndescription: {{DESCRIPTION}} with [x] | y: z\n---\nBody\n',
      '.claude/commands/weird `name` <b>@team</b>.md': '---\ndescription: "**bold** <img src=x onerror=alert(1)> @org/team ::error::pwned"\n---\n',
      '.claude/commands/new\nline.md': '---\ndescription: newline in the file name\n---\n',
      '.mcp.json': '{ "mcpServers": { broken json',
      '.claude/settings.json': '{"outputStyle": 42, "skillOverrides": "nope", "hooks": []}',
    });
    // A 4,000-character path.
    const long = Array.from({ length: 19 }, (_, i) => `${String(i).padStart(2, '0')}${'d'.repeat(198)}`).join('/');
    writeFiles(d, { [`${long}/.claude/rules/deep.md`]: 'Rule at the end of a very long path.\n' });
    // A 200 MB file (sparse: no disk cost), beyond limits.maxFileBytes.
    const big = path.join(d, '.claude/rules/huge.md');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    s = await analyzeDir(d);
  });

  it('keeps every file in the report', () => {
    for (const p of [
      '.claude/skills/bomb/SKILL.md',
      '.claude/skills/deep/SKILL.md',
      '.claude/skills/huge/SKILL.md',
      '.claude/skills/utf16/SKILL.md',
      '.claude/skills/badutf8/SKILL.md',
      '.claude/rules/nul.md',
      '.claude/commands/binary.md',
      '.claude/agents/unclosed.md',
      '.claude/agents/template.md',
    ])
      expect(
        s.files.some((f) => f.path === p),
        p,
      ).toBe(true);
  });

  it('reads broken frontmatter leniently, with file and line', () => {
    expect(diag(s, '.claude/skills/bomb/SKILL.md', 'frontmatter')[0]?.message).toMatch(/alias|not valid YAML/i);
    expect(s.listings.skills.items.find((e) => e.name === 'bomb')?.text).toBe('- bomb: alias bomb');
    expect(s.listings.skills.items.find((e) => e.name === 'deep')?.text).toBe('- deep: deep');
    expect(diag(s, '.claude/skills/huge/SKILL.md', 'frontmatter')[0]?.message).toContain('exceeds the');
    expect(diag(s, '.claude/agents/unclosed.md', 'frontmatter')[0]).toMatchObject({ line: 1, message: expect.stringContaining('never closed') });
    expect(s.listings.agents.items.find((e) => e.file === '.claude/agents/template.md')?.text).toContain('{{DESCRIPTION}} with [x] | y: z');
  });

  it('decodes UTF-16 and bad UTF-8, and does not count binary content', () => {
    expect(s.listings.skills.items.find((e) => e.name === 'utf16')?.text).toBe('- utf16: UTF-16 text');
    expect(diag(s, '.claude/skills/badutf8/SKILL.md', 'encoding')).toHaveLength(1);
    expect(diag(s, '.claude/rules/nul.md', 'binary-file')).toHaveLength(1);
    expect(s.files.find((f) => f.path === '.claude/rules/nul.md')!.tokens).toBe(0);
    expect(diag(s, '.claude/commands/binary.md', 'binary-file')).toHaveLength(1);
  });

  it('reports the oversized file without reading it, and survives long paths and CRLF', () => {
    expect(diag(s, '.claude/rules/huge.md', 'oversized-file')[0]?.message).toContain(`limit of ${DEFAULT_LIMITS.maxFileBytes} bytes`);
    expect(s.files.find((f) => f.path.endsWith('/.claude/rules/deep.md'))?.loading).toBe('on-demand');
    expect(s.files.find((f) => f.path === 'docs/crlf.md')).toMatchObject({ loading: 'eager', depth: 1 });
  });

  it('reports broken JSON and wrong setting types instead of failing', () => {
    expect(diag(s, '.mcp.json', 'invalid-json')[0]?.message).toContain('invalid JSON');
    expect(s.units[0]!.mcpServers).toEqual([]);
  });

  it('keeps names with markdown, HTML, mentions and newlines as data', () => {
    expect(s.listings.skills.items.some((e) => e.name.includes('@team'))).toBe(true);
    expect(s.listings.skills.items.some((e) => e.name.includes('\n'))).toBe(true);
  });
});

describe('bounded on big inputs', () => {
  it('handles import cycles and a 1,000-deep import chain', async () => {
    const files: Record<string, string> = { 'CLAUDE.md': '@c/0.md\n@cyc/a.md\n' };
    for (let i = 0; i < 1000; i++) files[`c/${i}.md`] = `Level ${i}\n@${i + 1}.md\n`;
    files['cyc/a.md'] = '@b.md\n';
    files['cyc/b.md'] = '@a.md\n@../CLAUDE.md\n';
    const s = await analyzeDir(repo(files));
    expect(s.graph.maxDepth).toBe(4);
    expect(s.files.filter((f) => f.path.startsWith('c/') && f.loading === 'eager')).toHaveLength(4);
    expect(s.graph.cycles.length).toBeGreaterThanOrEqual(2);
  });

  it('stops reading at limits.maxFiles and says so; 100,000 files are listed, not read', async () => {
    const d = tmpDir();
    dirs.push(d);
    for (let i = 0; i < 100; i++) {
      mkdirSync(path.join(d, 'src', String(i)), { recursive: true });
      for (let j = 0; j < 1000; j++) writeFileSync(path.join(d, 'src', String(i), `${j}.ts`), '');
    }
    const agents: Record<string, string> = { 'CLAUDE.md': '# Root\n' };
    for (let i = 0; i < 300; i++) agents[`.claude/agents/a${i}.md`] = `---\nname: a${i}\ndescription: agent ${i}\n---\n`;
    writeFiles(d, agents);
    const s = await analyze(
      worktreeSource(d),
      { model: DEFAULT_MODEL, limits: { ...DEFAULT_LIMITS, maxFiles: 100 }, toolVersion: 't', loadTimeRounds: 1 },
      counter,
    );
    expect(s.diagnostics.find((x) => x.code === 'limit-reached')).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/^could not measure: limit maxFiles \(100\) reached; 201 framework files were not read/),
    });
    expect(s.files.length).toBeLessThan(1000);
  }, 120_000);
});

describe('the same on a commit read from git', () => {
  it('survives hostile content through git objects', async () => {
    const d = repo({ 'CLAUDE.md': '@x.md\n', 'x.md': Buffer.from([0xff, 0xfe, 0x41, 0x00]), '.claude/skills/s/SKILL.md': '---\nname: [unclosed\n---\n' });
    symlinkSync('/etc/passwd', path.join(d, 'passwd.md'));
    gitInit(d);
    writeFileSync(path.join(d, 'CLAUDE.md'), '@passwd.md\n');
    commitAll(d, 'escape');
    const s = await analyzeRef(d, 'HEAD');
    expect(s.graph.unresolved).toContainEqual(expect.objectContaining({ ref: 'passwd.md', reason: 'external' }));
    expect(JSON.stringify(s)).not.toContain('root:x:0:0');
  });
});

describe('tokenizing in bounded pieces', () => {
  it('counts long text exactly like one piece would, within a token per piece', async () => {
    const m = await import('gpt-tokenizer/encoding/o200k_base');
    const text = Array.from({ length: 400 }, (_, i) => `Line ${i}: the agent reviews the change and reports the budget.`).join('\n');
    const exact = m.countTokens(text);
    const chunked = countChunked(text, m.countTokens);
    expect(Math.abs(chunked - exact)).toBeLessThanOrEqual(Math.ceil(text.length / 2048));
  });
  it('counts base64-like runs by ratio, never through the BPE', () => {
    // Longer than one piece, so that the chunked path (where the ratio branch lives) runs.
    const b64 = 'QUJD'.repeat(6000);
    const seen: number[] = [];
    const text = `intro text\n${b64}\noutro`;
    const n = countChunked(text, (t) => (seen.push(t.length), t.length));
    // A counter of one token per character gives 24,017 without the ratio; with it, 0.68 per base64 character.
    expect(n).toBe(Math.round(b64.length * 0.68) + 'intro text\n'.length + '\noutro'.length);
    expect(Math.max(...seen)).toBeLessThan(100);
  });
});
