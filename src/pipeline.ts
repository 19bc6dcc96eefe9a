import os from 'node:os';
import path from 'node:path';
import { analyze } from './analyze/index.js';
import { openSource } from './collect/open.js';
import type { CliOptions, Proc } from './cli.js';
import { DEFAULT_MODEL, type LoadingModel } from './model/constants.js';
import { renderAnalyzeText } from './render/analyze-text.js';
import { TokenCounter } from './tokenize/counter.js';
import { CACHE_FILE, defaultCacheDir, FileCountStore } from './tokenize/file-store.js';
import { loadTokenizer, TOKENIZER_NAME } from './tokenize/tokenizer.js';
import { VERSION } from './version.js';

function modelFrom(o: CliOptions, base: LoadingModel = DEFAULT_MODEL): LoadingModel {
  return { ...base, ...(o.window ? { contextWindow: o.window } : {}), ...(o.charsPerToken ? { charsPerToken: o.charsPerToken } : {}) };
}

function counterFor(o: CliOptions, proc: Proc): { counter: TokenCounter; save: () => void } {
  if (!o.cache) return { counter: new TokenCounter(loadTokenizer, TOKENIZER_NAME), save: () => undefined };
  const store = new FileCountStore(path.join(o.cacheDir ? path.resolve(proc.cwd, o.cacheDir) : defaultCacheDir(proc.env, os.homedir()), CACHE_FILE));
  return {
    counter: new TokenCounter(loadTokenizer, TOKENIZER_NAME, store),
    save: () => {
      try {
        store.save();
      } catch (e) {
        proc.stderr.write(`context-budget: could not write the token cache ${store.file}: ${(e as Error).message}\n`);
      }
    },
  };
}

export async function analyzeCommand(positionals: string[], o: CliOptions, proc: Proc): Promise<number> {
  const dir = path.resolve(proc.cwd, positionals[0] ?? '.');
  const source = await openSource(dir, o.ref);
  const { counter, save } = counterFor(o, proc);
  const snapshot = await analyze(source, { model: modelFrom(o), toolVersion: VERSION, loadTimeRounds: o.rounds }, counter);
  save();
  proc.stdout.write(o.json ? JSON.stringify(snapshot, null, 2) + '\n' : renderAnalyzeText(snapshot, { files: o.files }));
  return 0;
}

export async function diffCommand(_positionals: string[], _o: CliOptions, _proc: Proc): Promise<number> {
  throw new Error('diff: implemented in compare/');
}
