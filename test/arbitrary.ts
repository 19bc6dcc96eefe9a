import fc from 'fast-check';

/** Random but plausible framework trees: memory files with imports, rules, commands, skills, agents, plugins. */
const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'deploy', 'review', 'lint', 'db', 'api', 'web');
const text = fc.oneof(
  fc.lorem({ maxCount: 40 }),
  fc.string({ maxLength: 300 }),
  fc.constantFrom(
    '```\n@not.an.import\n```\n',
    '<!-- @hidden.md -->\n',
    '| a | b |\n|---|---|\n| 1 | 2 |\n',
    '名前と説明 日本語のテキスト\n',
    'x'.repeat(3000),
  ),
);
const yamlish = fc.oneof(
  fc.constant(''),
  fc.tuple(word, text).map(([n, d]) => `---\nname: ${n}\ndescription: ${d.replace(/\n/g, ' ')}\n---\n`),
  fc.tuple(word, fc.lorem({ maxCount: 8 })).map(([n, d]) => `---\nname: ${n}\ndescription: "${d}"\npaths: ["src/**"]\n---\n`),
  fc.constant('---\ndescription: broken: yaml: [x\n---\n'),
  fc.constant('---\nunclosed frontmatter\n'),
  fc.constant('---js\nmodule.exports = { name: process.exit(9) }\n---\n'),
);
const importLine = fc
  .tuple(
    fc.constantFrom('@', ' @'),
    fc.constantFrom('docs/a.md', './docs/b.md', '../x.md', '~/.ssh/id_rsa', '/etc/passwd', 'CLAUDE.md', 'docs/missing.md', 'rules.md'),
  )
  .map(([a, b]) => `${a}${b}\n`);
const body = fc.array(fc.oneof(text, importLine), { maxLength: 6 }).map((parts) => parts.join('\n'));
const mdFile = fc.tuple(yamlish, body).map(([fm, b]) => fm + b);

export const frameworkTree = fc
  .dictionary(
    fc.oneof(
      fc.constantFrom('CLAUDE.md', 'AGENTS.md', 'docs/a.md', 'docs/b.md', '.claude/CLAUDE.md', 'sub/CLAUDE.md', 'rules.md', '.mcp.json'),
      word.map((w) => `.claude/rules/${w}.md`),
      word.map((w) => `.claude/commands/${w}.md`),
      word.map((w) => `.claude/skills/${w}/SKILL.md`),
      word.map((w) => `.claude/agents/${w}.md`),
      word.map((w) => `plugins/p1/skills/${w}/SKILL.md`),
      word.map((w) => `plugins/p1/agents/${w}.md`),
    ),
    mdFile,
    { minKeys: 1, maxKeys: 14 },
  )
  .map((files) => ({
    ...files,
    ...(Object.keys(files).some((f) => f.startsWith('plugins/p1/')) ? { 'plugins/p1/.claude-plugin/plugin.json': '{"name":"p1"}' } : {}),
  }));

/** Random bytes for a file that claims to be markdown. */
export const randomBytes = fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a));
