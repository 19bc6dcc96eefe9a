/** The CLI's parsed options and the process-like object it runs against: shared by cli.ts and pipeline.ts. */

/** The process-like object the CLI runs against (size-limit's habit): testable without mocks. */
export interface Proc {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  /**
   * Runs the same command in a worker with a capped young generation (worker.ts) and gives its exit
   * code; the CLI's main thread offers it, and a large framework takes it.
   */
  offload?: () => Promise<number>;
  /**
   * Keeps V8's compiled code of the bundle in a folder for the next run (Node's module compile
   * cache, Node 22.8+); the CLI's entry offers it, and a run with the persistent cache on takes it.
   */
  compileCache?: (dir: string | undefined) => void;
}

export interface CliOptions {
  ref?: string;
  json: boolean;
  markdown: boolean;
  config?: string;
  dir?: string;
  window?: number;
  charsPerToken?: number;
  model?: string;
  plugins?: 'all' | 'none' | string[];
  userScope?: string;
  measure?: string;
  measureRounds?: number;
  rounds?: number;
  cacheDir?: string;
  cache: boolean;
  files?: number;
  /** Other agents to measure too (--agent, repeatable; "all"). */
  agents?: string[];
  /** Also write the HTML report to this file. */
  html?: string;
  /** optimize: write the edits (--apply), also on a dirty tree (--force), only these kinds (--only). */
  apply?: boolean;
  force?: boolean;
  only?: string[];
  /** optimize --apply --verify claude-code[@VERSION]: run the binary before and after. */
  verify?: string;
}
