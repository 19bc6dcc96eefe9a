/**
 * The budget config of one commit, read from git objects (never from a checkout of untrusted code),
 * with the Action's model inputs applied over it.
 */
import { catFileBatch, git } from '../collect/git.js';
import { DEFAULT_CONFIG_PATHS, normalizeConfig, parseConfigText, type Config } from '../config/load.js';
import { UserError } from '../errors.js';
import type { ActionOptions } from './options.js';

export async function configAt(
  workspace: string,
  opts: Pick<ActionOptions, 'config' | 'model' | 'contextWindow' | 'charsPerToken'>,
  commit: string,
): Promise<Config> {
  const overrides = {
    ...(opts.model ? { id: opts.model } : {}),
    ...(opts.contextWindow ? { contextWindow: opts.contextWindow } : {}),
    ...(opts.charsPerToken ? { charsPerToken: opts.charsPerToken } : {}),
  };
  const candidates = opts.config ? [opts.config] : DEFAULT_CONFIG_PATHS;
  for (const p of candidates) {
    const spec = `${commit}:${p.replace(/^\.\//, '')}`;
    const sha = await git(workspace, ['rev-parse', '--verify', '--quiet', spec])
      .then((b) => b.toString().trim())
      .catch(() => '');
    if (!sha) continue;
    const blob = (await catFileBatch(workspace, [sha])).get(sha);
    if (blob) return parseConfigText(blob.toString('utf8'), p, overrides);
  }
  if (opts.config) throw new UserError(`Input "config": ${opts.config} does not exist at ${commit.slice(0, 7)}`);
  return normalizeConfig({}, 'defaults', overrides);
}
