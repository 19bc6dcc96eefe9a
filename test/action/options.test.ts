/**
 * The Action's inputs, read in one place (src/action/options.ts): every default, every accepted
 * spelling and every error, and action.yml's documented defaults giving exactly the code's own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readOptions } from '../../src/action/options.js';
import { ROOT } from '../helpers.js';

const DEFAULTS = {
  token: '',
  path: '.',
  config: '',
  failOn: 'error',
  comment: 'changed',
  commentKey: 'default',
  commentAuthor: '',
  checkRun: true,
  checkName: 'context-budget',
  suggestions: true,
  mode: 'auto',
  baseRef: '',
  headRef: '',
  model: '',
  contextWindow: undefined,
  charsPerToken: undefined,
  outputDir: '/rt/context-budget',
  cacheDir: '/rt/context-budget-cache',
  publishReport: '',
  prNumber: undefined,
  roadmapLabel: 'context-budget',
  roadmapTitle: 'Context budget roadmap',
  historyLimit: 52,
  anthropicApiKey: '',
  publishTimeoutSeconds: 300,
  measure: '',
  measureRounds: 3,
  anthropicModel: 'claude-sonnet-4-5',
  acceptConfigLabel: 'context-budget-accept-config',
  htmlReport: 'upload',
  agents: [],
};

const read = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = { RUNNER_TEMP: '/rt' }) => readOptions((n) => inputs[n] ?? '', env);

describe('the Action inputs', () => {
  it('defaults every input, temp folders under RUNNER_TEMP (else /tmp)', () => {
    expect(read({})).toEqual(DEFAULTS);
    expect(read({}, {})).toMatchObject({ outputDir: '/tmp/context-budget', cacheDir: '/tmp/context-budget-cache' });
  });

  it("action.yml's documented defaults are exactly the code's", () => {
    const inputs = (parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: unknown }> }).inputs;
    const given = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v.default === undefined ? '' : String(v.default)]));
    // The runner passes an input's default when the workflow gives none; github-token defaults to the job's token.
    expect({ ...read(given), token: '' }).toEqual({ ...DEFAULTS, token: '' });
  });

  it('reads every input as given, trimmed', () => {
    const padded = (inputs: Record<string, string>) => Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, ` ${v.trim()}\n`]));
    const o = read(
      padded({
        'github-token': ' t ',
        path: ' sub ',
        config: 'c.yml',
        'fail-on': 'warn',
        comment: 'always',
        'comment-key': 'docs site',
        'comment-author': 'bot',
        'check-run': 'no',
        'check-name': 'budget',
        suggestions: 'off',
        mode: 'roadmap',
        base: 'b',
        head: 'h',
        model: 'claude-sonnet-4-6',
        'context-window': '200000',
        'chars-per-token': '3.5',
        'output-dir': '/out',
        'cache-dir': '/cache',
        'publish-report': 'r.json',
        'pr-number': '12',
        'roadmap-label': 'l',
        'roadmap-title': 'T',
        'history-limit': '10',
        'anthropic-api-key': 'k',
        'publish-timeout': '30',
        measure: 'claude-code@2.1.332',
        'measure-rounds': '5',
        'anthropic-model': 'm',
        'accept-config-label': 'ok',
        'html-report': 'file',
        agents: 'codex, copilot',
      }),
    );
    expect(o).toEqual({
      token: 't',
      path: 'sub',
      config: 'c.yml',
      failOn: 'warn',
      comment: 'always',
      commentKey: 'docs_site',
      commentAuthor: 'bot',
      checkRun: false,
      checkName: 'budget',
      suggestions: false,
      mode: 'roadmap',
      baseRef: 'b',
      headRef: 'h',
      model: 'claude-sonnet-4-6',
      contextWindow: 200000,
      charsPerToken: 3.5,
      outputDir: '/out',
      cacheDir: '/cache',
      publishReport: 'r.json',
      prNumber: 12,
      roadmapLabel: 'l',
      roadmapTitle: 'T',
      historyLimit: 10,
      anthropicApiKey: 'k',
      publishTimeoutSeconds: 30,
      measure: 'claude-code@2.1.332',
      measureRounds: 5,
      anthropicModel: 'm',
      acceptConfigLabel: 'ok',
      htmlReport: 'file',
      agents: ['codex', 'copilot'],
    });
  });

  it('takes every spelling of a boolean, and comment true/false for always/never', () => {
    for (const v of ['true', 'YES', '1', 'on']) expect(read({ 'check-run': v }).checkRun).toBe(true);
    for (const v of ['false', 'No', '0', 'OFF']) expect(read({ 'check-run': v }).checkRun).toBe(false);
    expect(read({ comment: 'true' }).comment).toBe('always');
    expect(read({ comment: ' FALSE\n' }).comment).toBe('never');
    expect(read({ comment: ' true ' }).comment).toBe('always');
    expect(read({ comment: 'never' }).comment).toBe('never');
    expect(read({ agents: 'all' }).agents).toEqual(['copilot', 'codex', 'gemini', 'opencode', 'qwen', 'pi']);
    expect(read({ agents: 'pi codex,all' }).agents).toEqual(['copilot', 'codex', 'gemini', 'opencode', 'qwen', 'pi']);
  });

  it('a comment key is made safe for the hidden marker', () => {
    expect(read({ 'comment-key': 'a-->b <x> c' }).commentKey).toBe('a--_b__x__c');
    expect(read({ 'comment-key': 'v1.2_ok-x' }).commentKey).toBe('v1.2_ok-x');
    expect(read({ 'comment-key': '   ' }).commentKey).toBe('default');
  });

  it('names the input and what it expects on a bad value', () => {
    const bad: [Record<string, string>, string][] = [
      [{ 'fail-on': 'always' }, 'Input "fail-on": expected one of error, warn, never, got "always"'],
      [{ comment: 'sometimes' }, 'Input "comment": expected one of always, changed, never, got "sometimes"'],
      [{ mode: 'push' }, 'Input "mode": expected one of auto, pull-request, roadmap, got "push"'],
      [{ 'html-report': 'zip' }, 'Input "html-report": expected one of upload, file, off, got "zip"'],
      [{ 'check-run': 'maybe' }, 'Input "check-run": expected true or false, got "maybe"'],
      [{ suggestions: 'y' }, 'Input "suggestions": expected true or false, got "y"'],
      [{ 'context-window': '999' }, 'Input "context-window": expected a number >= 1000, got "999"'],
      [{ 'chars-per-token': '0.5' }, 'Input "chars-per-token": expected a number >= 1, got "0.5"'],
      [{ 'pr-number': 'abc' }, 'Input "pr-number": expected a number >= 1, got "abc"'],
      [{ 'history-limit': '0' }, 'Input "history-limit": expected a number >= 1, got "0"'],
      [{ 'publish-timeout': 'Infinity' }, 'Input "publish-timeout": expected a number >= 1, got "Infinity"'],
      [{ 'measure-rounds': '-1' }, 'Input "measure-rounds": expected a number >= 1, got "-1"'],
      [{ agents: ' codex cursor\n' }, 'Input "agents": expected "all" or a list of copilot, codex, gemini, opencode, qwen, pi, got "codex cursor"'],
    ];
    for (const [inputs, message] of bad) expect(() => read(inputs), message).toThrow(message);
    // At the boundary: accepted.
    expect(read({ 'context-window': '1000', 'chars-per-token': '1', 'history-limit': '1' })).toMatchObject({
      contextWindow: 1000,
      charsPerToken: 1,
      historyLimit: 1,
    });
  });
});
