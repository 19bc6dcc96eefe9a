/**
 * Commands and skills (src/analyze/loaders/prompts.ts): descriptions that are only spaces, the skills
 * spec's description limit, path-scoped skills, entries without a description, a command's @file
 * references, and what an entry that is not listed says (issue 24: these mutants survived the
 * analyzer's own tests).
 */
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/model/snapshot.js';
import { analyzeFiles, file, plugin } from '../helpers.js';

const items = (s: Snapshot) => s.listings.skills.items.map((i) => `${i.name} [${i.loading}]: ${i.description ?? ''}`);

describe('descriptions', () => {
  it('a description or when_to_use of spaces only counts as none: the first line of the body stands in', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/commands/blank.md': '---\ndescription: "   "\n---\nRun the blank checks.\n',
      '.claude/skills/when/SKILL.md': '---\ndescription: Charts.\nwhen_to_use: "   "\n---\nBody.\n',
      '.claude/skills/both/SKILL.md': '---\ndescription: "  Charts.  "\nwhen_to_use: "  When plotting.  "\n---\nBody.\n',
    });
    // Skills, then commands, as Claude Code lists them.
    expect(items(s)).toEqual(['both [eager]: Charts. - When plotting.', 'when [eager]: Charts.', 'blank [eager]: Run the blank checks.']);
  });

  it("a skill's description over the skills spec's limit is a warning naming both lengths, on its line; a command's is not", async () => {
    const long = 'x'.repeat(1025);
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/skills/big/SKILL.md': `---\nname: big\ndescription: ${long}\n---\nBody.\n`,
      '.claude/skills/edge/SKILL.md': `---\ndescription: ${'y'.repeat(1024)}\n---\nBody.\n`,
      '.claude/commands/big.md': `---\ndescription: ${long}\n---\nBody.\n`,
    });
    expect(s.diagnostics.filter((d) => d.code === 'description-too-long')).toEqual([
      expect.objectContaining({
        file: '.claude/skills/big/SKILL.md',
        line: 3,
        severity: 'warning',
        message: 'description is 1,025 characters; the skills spec allows 1,024',
      }),
    ]);
  });

  it("a plugin's entry with neither description nor when_to_use is not listed, and says so; a project's derives one from its body, cut to 60 in the info", async () => {
    const firstLine = 'Deploy the service to staging, then promote it to production when every check is green and signed off.';
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      ...plugin('kit'),
      'plugins/kit/commands/bare.md': '---\nmodel: haiku\n---\nDo it.\n',
      'plugins/kit/commands/when.md': '---\nwhen_to_use: When asked.\n---\nDo it.\n',
      '.claude/commands/deploy.md': `${firstLine}\n`,
    });
    expect(file(s, 'plugins/kit/commands/bare.md')).toMatchObject({
      loading: 'on-demand',
      reason: 'command body, loaded on invocation',
      category: 'command-bodies',
    });
    expect(s.components.find((c) => c.name === 'kit:bare')).toMatchObject({ loading: 'on-demand' });
    expect(items(s).some((i) => i.startsWith('kit:bare'))).toBe(false);
    expect(s.diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'plugins/kit/commands/bare.md',
        code: 'missing-description',
        severity: 'warning',
        message: "plugin command has no description: Claude Code does not list it, so the model can't discover it",
      }),
    );
    // when_to_use alone: the body's first line, then it.
    expect(items(s)).toContain('kit:when [eager]: Do it. - When asked.');
    const derived = s.diagnostics.find((d) => d.file === '.claude/commands/deploy.md' && d.code === 'missing-description');
    expect(derived).toMatchObject({ severity: 'info', message: `no description: Claude Code derives "${firstLine.slice(0, 60)}" from the first line` });
  });

  it('disable-model-invocation: the entry is not listed and says why; the body still loads on invocation', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/skills/quiet/SKILL.md': '---\ndescription: Quiet.\ndisable-model-invocation: true\n---\nBody.\n',
    });
    expect(items(s)).toEqual([]);
    expect(file(s, '.claude/skills/quiet/SKILL.md')).toMatchObject({
      loading: 'on-demand',
      category: 'skill-bodies',
      reason: 'skill body, loaded on invocation',
    });
    expect(s.components.find((c) => c.name === 'quiet')).toMatchObject({ kind: 'skill', loading: 'on-demand' });
  });
});

describe('path-scoped skills', () => {
  it('a skill with paths is listed only when matching files are touched; paths of "**" alone, or none, is listed always', async () => {
    const skill = (paths: string) => `---\ndescription: D.\n${paths}---\nBody.\n`;
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/skills/scoped/SKILL.md': skill('paths:\n  - "src/**"\n  - "**"\n'),
      '.claude/skills/all/SKILL.md': skill('paths: "**"\n'),
      '.claude/skills/empty/SKILL.md': skill('paths: []\n'),
      // `paths` scopes skills only: a command's is ignored.
      '.claude/commands/cmd.md': skill('paths: "src/**"\n'),
    });
    expect(items(s)).toEqual(['all [eager]: D.', 'empty [eager]: D.', 'scoped [on-demand]: D.', 'cmd [eager]: D.']);
    expect(s.listings.skills.items.find((i) => i.name === 'scoped')!.reason).toBe('path-scoped skill (paths: src, **): listed when matching files are touched');
    expect(s.listings.skills.items.find((i) => i.name === 'all')!.reason).toBe('skill listing entry, sent at session start');
  });
});

describe("a command's @file references", () => {
  it('load with the command, on invocation; an unresolved one is kept on its line counted from the top of the file', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/commands/review.md': '---\ndescription: Review.\n---\nRead @docs/guide.md first.\n\nThen @docs/missing.md and stop.\n',
      'docs/guide.md': 'Guide.\n',
      // A skill's body is not scanned for @file references.
      '.claude/skills/s/SKILL.md': '---\ndescription: S.\n---\nSee @docs/other.md.\n',
      'docs/other.md': 'Other.\n',
    });
    expect(file(s, 'docs/guide.md')).toMatchObject({
      kind: 'resource',
      loading: 'on-demand',
      category: 'resources',
      reason: 'referenced with @ by .claude/commands/review.md: loaded when it is invoked',
    });
    expect(s.files.find((f) => f.path === 'docs/other.md')?.loading ?? 'not-loaded').toBe('not-loaded');
    // Unresolved: kept in the graph on its line in the file (the body starts on line 4), not a diagnostic for a command.
    expect(s.graph.unresolved).toEqual([expect.objectContaining({ from: '.claude/commands/review.md', ref: 'docs/missing.md', line: 6, reason: 'missing' })]);
    expect(s.graph.edges.filter((e) => e.type === 'file-ref')).toEqual([
      expect.objectContaining({ from: '.claude/commands/review.md', to: 'docs/guide.md', line: 4 }),
    ]);
  });
});

describe("a description taken from the body's first line", () => {
  it('drops the heading marks, cuts past 100 characters with "...", and falls back to the kind when the body is empty', async () => {
    const long = 'Word '.repeat(30).trim();
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/commands/heading.md': '\n\n## Ship the release\nMore.\n',
      '.claude/commands/long.md': `${long}\n`,
      '.claude/commands/empty.md': '---\nmodel: haiku\n---\n\n',
      '.claude/skills/empty/SKILL.md': '---\nname: empty\n---\n',
    });
    expect(items(s)).toEqual([
      'empty [eager]: Skill',
      'empty [eager]: Custom command',
      'heading [eager]: Ship the release',
      `long [eager]: ${[...long].slice(0, 97).join('')}...`,
    ]);
  });
});

describe("the first line's edges", () => {
  it('the last line without a newline, spaces around a heading, marks without a space, a # inside the line, exactly the limit', async () => {
    const s = await analyzeFiles(
      {
        'CLAUDE.md': '# P\n',
        '.claude/commands/a-last.md': 'Deploy now',
        '.claude/commands/b-spaced.md': '\n   # Ship things   \n',
        '.claude/commands/c-tight.md': '##Tight heading\n',
        '.claude/commands/d-sharp.md': 'Build the C# projects\n',
        '.claude/commands/e-exact.md': 'abcdefghij\n',
        '.claude/commands/f-over.md': 'abcdefghijk\n',
      },
      { derivedDescriptionMaxChars: 10 },
    );
    expect(items(s)).toEqual([
      'a-last [eager]: Deploy now',
      'b-spaced [eager]: Ship th...',
      'c-tight [eager]: Tight h...',
      'd-sharp [eager]: Build t...',
      'e-exact [eager]: abcdefghij',
      'f-over [eager]: abcdefg...',
    ]);
    const wide = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/commands/b-spaced.md': '\n   # Ship things   \n',
      '.claude/commands/d-sharp.md': 'Build the C# projects\n',
    });
    expect(items(wide)).toEqual(['b-spaced [eager]: Ship things', 'd-sharp [eager]: Build the C# projects']);
  });
});

describe("the listing's description cap (skillListingMaxDescChars)", () => {
  it('exactly the cap is kept whole; one more is cut with "…", and a warning on the description line names both lengths', async () => {
    const s = await analyzeFiles(
      {
        'CLAUDE.md': '# P\n',
        '.claude/skills/exact/SKILL.md': '---\nname: exact\ndescription: abcdefghij\n---\nBody.\n',
        '.claude/skills/over/SKILL.md': '---\nname: over\nmodel: haiku\ndescription: abcdefghijk\n---\nBody.\n',
      },
      { skillListingMaxDescChars: 10 },
    );
    expect(items(s)).toEqual(['exact [eager]: abcdefghij', 'over [eager]: abcdefghi…']);
    expect(s.diagnostics.filter((d) => d.code === 'description-capped')).toEqual([
      {
        file: '.claude/skills/over/SKILL.md',
        line: 4,
        severity: 'warning',
        code: 'description-capped',
        message: 'description is 11 characters: the listing cuts it to 10 (skillListingMaxDescChars)',
      },
    ]);
  });
});

describe('skillOverrides with a value Claude Code does not know', () => {
  it('changes nothing', async () => {
    const s = await analyzeFiles({
      'CLAUDE.md': '# P\n',
      '.claude/skills/a/SKILL.md': '---\ndescription: A.\n---\n',
      '.claude/settings.json': JSON.stringify({ skillOverrides: { a: 'sometimes' } }),
    });
    expect(items(s)).toEqual(['a [eager]: A.']);
  });
});
