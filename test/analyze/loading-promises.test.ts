/**
 * Loading details an earlier mutant survived (issue 24), each held directly on a real framework.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../../src/model/constants.js';
import { analyzeFiles } from '../helpers.js';

const analyzed = analyzeFiles;

const skill = (name: string, desc = 'Does a thing.') => `---\nname: ${name}\ndescription: ${desc}\n---\nBody\n`;

describe('loading details', () => {
  it(`a skill alias is shown up to skillAliasMaxChars (${DEFAULT_MODEL.skillAliasMaxChars}) and not one character more`, async () => {
    const at = 'a'.repeat(DEFAULT_MODEL.skillAliasMaxChars);
    const over = 'b'.repeat(DEFAULT_MODEL.skillAliasMaxChars + 1);
    const s = await analyzed({ '.claude/skills/one/SKILL.md': skill(at), '.claude/skills/two/SKILL.md': skill(over) });
    const alias = (n: string) => s.listings.skills.items.find((e) => e.name === n)?.alias;
    expect(alias('one')).toBe(at);
    expect(alias('two')).toBeUndefined();
  });

  it('skillOverrides name-only lists the bare name; other entries keep their description', async () => {
    const s = await analyzed({
      '.claude/skills/quiet/SKILL.md': skill('quiet', 'Long enough to matter.'),
      '.claude/skills/loud/SKILL.md': skill('loud', 'Also described.'),
      '.claude/settings.json': JSON.stringify({ skillOverrides: { quiet: 'name-only' } }),
    });
    const quiet = s.listings.skills.items.find((e) => e.name === 'quiet')!;
    const loud = s.listings.skills.items.find((e) => e.name === 'loud')!;
    expect(quiet.text).toBe('- quiet');
    expect(loud.text).toBe('- loud: Also described.');
  });

  it('an agent line says its tools as Claude Code does: a list, "All tools except", or what is left', async () => {
    const agent = (name: string, extra: string) => `---\nname: ${name}\ndescription: d\n${extra}---\nBody\n`;
    const s = await analyzed({
      '.claude/agents/a.md': agent('a', 'tools: [Read, Grep]\n'),
      '.claude/agents/b.md': agent('b', 'disallowedTools: [Bash]\n'),
      '.claude/agents/c.md': agent('c', 'tools: Read, Bash\ndisallowedTools: Bash\n'),
      '.claude/agents/d.md': agent('d', ''),
    });
    const line = (n: string) => s.listings.agents.items.find((e) => e.name === n)!.text;
    expect(line('a')).toBe('- a: d (Tools: Read, Grep)');
    expect(line('b')).toBe('- b: d (Tools: All tools except Bash)');
    expect(line('c')).toBe('- c: d (Tools: Read)');
    expect(line('d')).toBe('- d: d (Tools: All tools)');
  });
});

describe('listings judged per plugin (marketplaces)', () => {
  /** A marketplace of two plugins, each with `n` skills of long descriptions, and the project's own skills. */
  function market(a: number, b: number, project = 0): Record<string, string> {
    const files: Record<string, string> = {
      '.claude-plugin/marketplace.json': JSON.stringify({
        name: 'm',
        plugins: [
          { name: 'pa', source: './pa' },
          { name: 'pb', source: './pb' },
        ],
      }),
    };
    const long = 'Handles one careful task and reports what it did, with the checks it ran. '.repeat(3);
    for (let i = 0; i < a; i++) files[`pa/skills/a${i}/SKILL.md`] = skill(`a${i}`, long);
    for (let i = 0; i < b; i++) files[`pb/skills/b${i}/SKILL.md`] = skill(`b${i}`, long);
    for (let i = 0; i < project; i++) files[`.claude/skills/p${i}/SKILL.md`] = skill(`p${i}`, long);
    return files;
  }
  const SONNET = { id: 'claude-sonnet-4-6', contextWindow: 200_000, charsPerToken: 4 };

  it('each plugin alone fits, both together would not: judged per plugin, nothing is cut', async () => {
    const s = await analyzed(market(5, 5), SONNET);
    expect(s.listings.scope).toBe('per-plugin');
    expect(s.listings.skills.truncated.length).toBeGreaterThan(0); // all installed together
    expect(s.listings.worst.skills?.truncated).toEqual([]);
  });

  it("the worst plugin is the one that cuts most, then the longest; the project's entries count with each", async () => {
    const s = await analyzed(market(2, 3, 1), SONNET);
    expect(s.listings.worst.skills?.unit).toBe('pb');
    const pa = s.listings.perPlugin.find((p) => p.unit === 'pa')!;
    const pb = s.listings.perPlugin.find((p) => p.unit === 'pb')!;
    expect(pb.skillChars).toBeGreaterThan(pa.skillChars);
    const alone = await analyzed(market(2, 3, 0), SONNET);
    // The project's own skill is in every plugin's listing.
    expect(pa.skillChars).toBeGreaterThan(alone.listings.perPlugin.find((p) => p.unit === 'pa')!.skillChars);
  });
});
