// The synthetic framework of the benchmark, generated deterministically.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export /** A deterministic synthetic marketplace: 100 plugins x 100 files, prose-like text, a deep import chain. */
function synthetic(dir, { plugins, scale }, variant) {
  // mulberry32: a real 32-bit PRNG (deterministic across runs).
  let seed = 12345;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // A vocabulary of 4,000 pseudo-words from syllables, so that the tokenizer sees text as varied as prose.
  const syl = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'shi', 'ven', 'dor', 'pla', 'qui', 'zen', 'tor', 'mar', 'bel', 'cra', 'ost', 'ing', 'er', 'al'];
  const common =
    'the a service deploy review test agent skill context token budget plugin import memory rule file change request database query cache latency error retry queue worker schema migration index user session model prompt listing description example'.split(
      ' ',
    );
  const vocab = [
    ...common,
    ...Array.from({ length: 4000 }, () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => syl[Math.floor(rnd() * syl.length)]).join('')),
  ];
  const prose = (bytes) => {
    let s = '';
    while (s.length < bytes) {
      const n = 8 + Math.floor(rnd() * 12);
      const words = Array.from({ length: n }, () => vocab[Math.floor(rnd() * vocab.length)]);
      s += words.join(' ') + (rnd() < 0.15 ? '.\n\n' : '. ');
    }
    return s;
  };
  const files = {};
  const market = { name: 'synthetic', owner: { name: 'bench' }, plugins: [] };
  for (let p = 0; p < plugins; p++) {
    const pr = `plugins/p${p}`;
    market.plugins.push({ name: `p${p}`, source: `./${pr}`, description: `Plugin ${p}` });
    files[`${pr}/.claude-plugin/plugin.json`] = JSON.stringify({ name: `p${p}`, version: '1.0.0' });
    for (let s = 0; s < 10; s++) {
      files[`${pr}/skills/s${s}/SKILL.md`] =
        `---\nname: s${s}\ndescription: Skill ${s} of plugin ${p}. ${prose(150)}\n---\n# Skill ${s}\n${prose(3000 * scale)}`;
      for (let r = 0; r < 5; r++) files[`${pr}/skills/s${s}/references/r${r}.md`] = prose(5000 * scale);
    }
    for (let a = 0; a < 20; a++)
      files[`${pr}/agents/a${a}.md`] = `---\nname: a${a}\ndescription: Agent ${a}. ${prose(200)}\ntools: Read, Grep\n---\n${prose(5000 * scale)}`;
    for (let m = 0; m < 19; m++) files[`${pr}/commands/c${m}.md`] = `---\ndescription: Command ${m}\n---\n${prose(3000 * scale)}\nSee @README.md\n`;
    files[`${pr}/README.md`] = prose(1000);
  }
  files['.claude-plugin/marketplace.json'] = JSON.stringify(market, null, 2);
  files['CLAUDE.md'] = `# Synthetic\n${prose(4000)}\n@docs/l1.md\n`;
  for (let d = 1; d <= 6; d++) files[`docs/l${d}.md`] = `# Level ${d}\n${prose(2000)}\n${d < 6 ? `@l${d + 1}.md` : ''}\n`;
  for (let r = 0; r < 10; r++) files[`.claude/rules/r${r}.md`] = r % 2 ? `---\npaths: ["src/m${r}/**"]\n---\n${prose(1500)}` : prose(1500);
  if (variant === 'head') {
    // The pull request: edit 1% of the files and add one plugin.
    const keys = Object.keys(files).filter((k) => k.endsWith('.md'));
    for (let i = 0; i < keys.length; i += 100) files[keys[i]] += `\n${prose(800)}`;
    files['plugins/new/.claude-plugin/plugin.json'] = JSON.stringify({ name: 'new' });
    for (let s = 0; s < 5; s++) files[`plugins/new/skills/n${s}/SKILL.md`] = `---\nname: n${s}\ndescription: New skill ${s}\n---\n${prose(3000)}`;
    market.plugins.push({ name: 'new', source: './plugins/new' });
    files['.claude-plugin/marketplace.json'] = JSON.stringify(market, null, 2);
  }
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), t);
  }
  return Object.keys(files).length;
}
