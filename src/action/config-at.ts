/**
 * The budget config of one commit, read from git objects (never from a checkout of untrusted code),
 * with the Action's model inputs applied over it.
 */
import { catFileBatch, git } from '../collect/git.js';
import { DEFAULT_CONFIG_PATHS, normalizeConfig, parseConfigText, type Config } from '../config/load.js';
import { UserError } from '../errors.js';
import type { ActionOptions } from './options.js';
import type { LoadingModel } from '../model/constants.js';

export async function configAt(
  workspace: string,
  opts: Pick<ActionOptions, 'config' | 'model' | 'contextWindow' | 'charsPerToken'>,
  commit: string,
): Promise<Config> {
  const overrides = modelOverrides(opts);
  const candidates = opts.config ? [opts.config] : DEFAULT_CONFIG_PATHS;
  for (const p of candidates) {
    const rel = p.replace(/^\.\//, '');
    // `<mode> <type> <sha>\t<path>`: the config must be a regular file of the commit (a symlink's
    // blob is its target's name, a gitlink has no blob here).
    const entry = await git(workspace, ['ls-tree', '-z', commit, '--', rel])
      .then((b) => b.toString().split('\0')[0] ?? '')
      .catch(() => '');
    const m = /^(\d+) (\w+) ([0-9a-f]+)\t/.exec(entry);
    if (!m) continue;
    if (m[1] === '120000') throw new UserError(`${p} is a symlink at ${commit.slice(0, 7)}: the budget config must be a regular file`);
    if (m[2] !== 'blob')
      throw new UserError(`${p} is a ${m[2] === 'commit' ? 'submodule' : m[2]} at ${commit.slice(0, 7)}: the budget config must be a regular file`);
    const sha = m[3]!;
    const blob = (await catFileBatch(workspace, [sha])).get(sha);
    if (blob) return parseConfigText(blob.toString('utf8'), p, overrides);
  }
  if (opts.config) throw new UserError(`Input "config": ${opts.config} does not exist at ${commit.slice(0, 7)}`);
  return normalizeConfig({}, 'defaults', overrides);
}

/** The config of a commit, or why it can't be read (a pull request's head config: reported, never a crash). */
export async function configOrError(
  workspace: string,
  opts: Pick<ActionOptions, 'config' | 'model' | 'contextWindow' | 'charsPerToken'>,
  commit: string,
): Promise<Config | { error: string; file: string }> {
  try {
    return await configAt(workspace, opts, commit);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { error: e.message, file: opts.config || configFileAt(e.message) };
  }
}

function configFileAt(message: string): string {
  return DEFAULT_CONFIG_PATHS.find((p) => message.startsWith(p)) ?? DEFAULT_CONFIG_PATHS[0]!;
}

/** The Action's model inputs, applied over every config. */
export function modelOverrides(opts: Pick<ActionOptions, 'model' | 'contextWindow' | 'charsPerToken'>): Partial<LoadingModel> {
  return {
    ...(opts.model ? { id: opts.model } : {}),
    ...(opts.contextWindow ? { contextWindow: opts.contextWindow } : {}),
    ...(opts.charsPerToken ? { charsPerToken: opts.charsPerToken } : {}),
  };
}
