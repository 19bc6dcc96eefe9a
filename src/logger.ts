/** One logger for the Action (backed by @actions/core) and the CLI (stderr). */
export interface Logger {
  info(message: string): void;
  warning(message: string, where?: { file?: string; line?: number; title?: string }): void;
  error(message: string, where?: { file?: string; line?: number; title?: string }): void;
  debug(message: string): void;
}

export function streamLogger(write: (s: string) => unknown, debug = false): Logger {
  return {
    info: (m) => write(`${m}\n`),
    warning: (m, w) => write(`warning: ${w?.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ` : ''}${m}\n`),
    error: (m, w) => write(`error: ${w?.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ` : ''}${m}\n`),
    debug: (m) => (debug ? write(`debug: ${m}\n`) : undefined),
  };
}
