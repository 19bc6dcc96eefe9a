/**
 * Facts of another agent's first model request (scripts/conformance/agents.mjs captures it): which
 * files of the repository went in (whole, or cut to how many characters), which skills are listed
 * and which of them lost their description, which agents are listed. Facts only: names, paths,
 * sizes, never the agent's prompt text. The analyzer's prediction has the same shape, so the two
 * compare exactly (kept characters within 1%).
 */
import type { AgentId } from '../model/agents.js';
import type { AgentSnapshot } from '../model/snapshot.js';

export interface AgentFacts {
  agent: string;
  version: string;
  /** Repository files whose text went in, in path order; keptChars when only a prefix did. */
  instructions: { file: string; chars: number; keptChars?: number; sameAs?: string[] }[];
  /** The framework's listed skills in listed order (the agent's bundled ones left out). */
  skills: { name: string; described: boolean }[];
  /** The framework's listed agents, in order. */
  agents: string[];
  /** Characters of everything the agent sent: its system text, messages and tools. */
  requestChars?: number;
}

/** The texts of a captured request that carry context: system/developer/user text and tool descriptions. */
export function requestTexts(agent: AgentId, body: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  const b = (body ?? {}) as Record<string, unknown>;
  if (agent === 'codex') walk(b.input);
  else if (agent === 'gemini') {
    walk(b.systemInstruction);
    walk(b.contents);
    walk(b.tools);
  } else if (agent === 'opencode' || agent === 'pi') {
    walk(b.system);
    walk(b.messages);
    walk(b.tools);
  } else if (agent === 'qwen') {
    // Its first request: the system text and the user turn's reminders (skills) before the prompt.
    walk(b.messages);
    walk(b.tools);
  } else {
    walk(b.messages);
    walk(b.tools);
  }
  return out;
}

/** Longest prefix of `text` found in `hay` (binary search on its length; prefixes are monotone). */
function keptPrefix(text: string, hay: string): number {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (hay.includes(text.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Facts of a captured request. `files`: the repository's candidate texts (instruction-like files,
 * by path). A file counts as read whole when its text (trailing whitespace aside) is in the
 * request, as cut when a prefix of at least 200 characters is and the whole is not.
 */
export function extractAgentFacts(
  agent: AgentId,
  version: string,
  body: unknown,
  files: Map<string, string>,
  bundled: readonly string[],
  repoRoot: string,
): AgentFacts {
  const texts = requestTexts(agent, body);
  // Copilot inlines an imported file right after its `@path` token (nested, innermost first): each
  // file's own text is found with the blocks inside it taken out.
  const joined = texts.join('\n\u0000\n');
  const pieces = [joined];
  let rest = joined;
  const innermost =
    /\n\n<imported_custom_instruction source="[^"]*">\n((?:(?!<imported_custom_instruction)[\s\S])*?)<\/imported_custom_instruction>|\n\n<imported_custom_instruction [^>]*\/>/g;
  for (let i = 0; i < 64; i++) {
    const next = rest.replace(innermost, (_m, inner: string | undefined) => {
      if (inner !== undefined) pieces.push(inner);
      return '';
    });
    if (next === rest) break;
    rest = next;
  }
  pieces.push(rest);
  // Qwen Code and Gemini CLI replace an `@path` token with the file between markers: put the token back.
  const qwenBlock = /<!-- Imported from: ([^\n]*?) -->\n((?:(?!<!-- Imported from:)[\s\S])*?)\n?<!-- End of import from: \1 -->/g;
  let q = rest;
  for (let i = 0; i < 64 && q.includes('<!-- Imported from: '); i++) {
    const next = q.replace(qwenBlock, (_m, file: string, inner: string) => {
      pieces.push(inner);
      return `@${file}`;
    });
    if (next === q) break;
    q = next;
  }
  pieces.push(q);
  const hay = pieces.join('\n\u0000\n');
  const instructions: AgentFacts['instructions'] = [];
  const byText = new Map<string, string[]>();
  for (const [file, text] of files) byText.set(text, [...(byText.get(text) ?? []), file]);
  for (const [file, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // A byte order mark and CRLF line ends may be normalized on the way in.
    const raw = text.replace(/^\uFEFF/, '').replace(/\s+$/, '');
    const t = hay.includes(raw) ? raw : raw.replace(/\r\n/g, '\n');
    if (t.length < 12) continue;
    // Files with the same text (a symlink and its target) can't be told apart: each names the others.
    const same = (byText.get(text) ?? []).filter((f) => f !== file);
    if (hay.includes(t)) instructions.push({ file, chars: text.length, ...(same.length ? { sameAs: same } : {}) });
    else {
      const kept = keptPrefix(t, hay);
      if (kept >= 200) instructions.push({ file, chars: text.length, keptChars: kept });
    }
  }
  const skills: AgentFacts['skills'] = [];
  const agents: string[] = [];
  if (agent === 'copilot') {
    const sys = texts.find((t) => t.includes('<available_skills>')) ?? '';
    const block = sys.slice(sys.indexOf('<available_skills>'), sys.indexOf('</available_skills>'));
    for (const m of block.matchAll(/<skill>\n\s*<name>([^<]*)<\/name>\n\s*<description>[\s\S]*?<\/description>\n\s*<location>([^<]*)<\/location>/g))
      if (m[2] !== 'builtin') skills.push({ name: unxml(m[1]!), described: true });
    const more = /Additional skills available \(invoke by name\): ([^\n]*)/.exec(block);
    if (more) for (const n of more[1]!.split(', ')) if (n && !bundled.includes(n)) skills.push({ name: n, described: false });
    const task = texts.find((t) => t.includes('User-provided custom agents:'));
    if (task) for (const m of task.slice(task.indexOf('User-provided custom agents:')).matchAll(/^- \*\*([^*]+)\*\*:/gm)) agents.push(m[1]!);
  } else if (agent === 'qwen' || agent === 'opencode' || agent === 'pi' || agent === 'gemini') {
    // `<location>` is "project" (Qwen) or the file's absolute path (opencode); anything else is the agent's own.
    const block = texts.find((t) => t.includes('<available_skills>')) ?? '';
    for (const m of block.matchAll(/<skill>\s*<name>\s*([^<]*?)\s*<\/name>\s*<description>([\s\S]*?)<\/description>\s*<location>\s*([^<]*?)\s*<\/location>/g))
      if ((m[3] === 'project' || m[3]!.startsWith(`${repoRoot}/`)) && !bundled.includes(m[1]!))
        skills.push({ name: m[1]!, described: m[2]!.trim().length > 0 });
  } else {
    const sys = texts.find((t) => t.includes('<skills_instructions>')) ?? '';
    const roots = new Map<string, boolean>();
    for (const m of sys.matchAll(/^- `(r\d+)` = `([^`]*)`/gm)) roots.set(m[1]!, m[2]!.startsWith(`${repoRoot}/`));
    for (const m of sys.matchAll(/^- ([^:\n`]+): ([^\n]*)\(file: (r\d+)\/[^)]*\)$/gm))
      if (roots.get(m[3]!) && !bundled.includes(m[1]!)) skills.push({ name: m[1]!, described: m[2]!.trim().length > 0 });
  }
  return { agent, version, instructions, skills, agents, requestChars: texts.reduce((a, t) => a + t.length, 0) };
}

function unxml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
}

/** What the analyzer predicts, in the facts' shape. */
export function predictAgentFacts(s: AgentSnapshot): AgentFacts {
  return {
    agent: s.agent.id,
    version: s.agent.version,
    instructions: s.files
      .filter((f) => f.loading === 'eager')
      .map((f) => ({ file: f.path, chars: f.chars, ...(f.keptChars !== undefined ? { keptChars: f.keptChars } : {}) }))
      .sort((a, b) => (a.file < b.file ? -1 : 1)),
    skills: s.listings.skills.items.map((i) => ({ name: i.name, described: !i.truncated })),
    agents: s.listings.agents.items.map((a) => a.name),
  };
}

/** Where prediction and recording disagree, one line each (empty: they agree). */
export function compareAgentFacts(predicted: AgentFacts, recorded: AgentFacts, o: { unordered?: boolean } = {}): string[] {
  const out: string[] = [];
  const rec = new Map(recorded.instructions.map((i) => [i.file, i]));
  const pred = new Map(predicted.instructions.map((i) => [i.file, i]));
  for (const [f, r] of rec) {
    const p = pred.get(f) ?? r.sameAs?.map((x) => pred.get(x)).find(Boolean);
    if (!p) out.push(`instruction file ${f}: read by the agent${r.keptChars !== undefined ? ` (cut to ${r.keptChars} characters)` : ''}, not predicted`);
    else if ((r.keptChars === undefined) !== (p.keptChars === undefined))
      out.push(
        `instruction file ${f}: ${r.keptChars !== undefined ? `cut to ${r.keptChars}` : 'whole'} by the agent, predicted ${p.keptChars !== undefined ? `cut to ${p.keptChars}` : 'whole'}`,
      );
    else if (r.keptChars !== undefined && Math.abs(r.keptChars - p.keptChars!) > r.keptChars * 0.01)
      out.push(`instruction file ${f}: the agent kept ${r.keptChars} characters, predicted ${p.keptChars}`);
  }
  // Texts under 12 characters can't be told apart in a request (see extractAgentFacts): not compared.
  const named = new Set(recorded.instructions.flatMap((i) => [i.file, ...(i.sameAs ?? [])]));
  for (const [f, p] of pred) if (!named.has(f) && p.chars >= 16) out.push(`instruction file ${f}: predicted, not read by the agent`);
  // An agent that lists in its file system's order (Gemini CLI): the entries are compared, not their order.
  const names = (xs: AgentFacts['skills']) => {
    const list = xs.map((x) => `${x.name}${x.described ? '' : ' (name only)'}`);
    return (o.unordered ? list.sort() : list).join(', ');
  };
  if (names(predicted.skills) !== names(recorded.skills))
    out.push(`skills listed: the agent [${names(recorded.skills)}], predicted [${names(predicted.skills)}]`);
  if (predicted.agents.join(', ') !== recorded.agents.join(', '))
    out.push(`agents listed: the agent [${recorded.agents.join(', ')}], predicted [${predicted.agents.join(', ')}]`);
  return out;
}
