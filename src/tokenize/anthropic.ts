/**
 * Exact counts from Anthropic's token-counting endpoint (POST /v1/messages/count_tokens).
 * Each text is sent as one user message; the message framing Claude adds is measured once (by
 * counting a one-character message) and subtracted. Any API error ends remote counting for the
 * run: the caller falls back to the offline estimate and says so.
 */
export interface RemoteCounter {
  readonly name: string;
  count(texts: string[]): Promise<number[]>;
}

export const ANTHROPIC_VERSION = '2023-06-01';
/** Requests in flight at once. */
export const ANTHROPIC_CONCURRENCY = 4;

export function anthropicCounter(o: { apiKey: string; model: string; baseUrl?: string; timeoutMs?: number }): RemoteCounter {
  const base = (o.baseUrl || 'https://api.anthropic.com').replace(/\/+$/, '');
  const one = async (text: string): Promise<number> => {
    const res = await fetch(`${base}/v1/messages/count_tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': o.apiKey, 'anthropic-version': ANTHROPIC_VERSION },
      body: JSON.stringify({ model: o.model, messages: [{ role: 'user', content: text }] }),
      signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
    });
    if (!res.ok) throw new Error(`count_tokens answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    const body = (await res.json()) as { input_tokens?: unknown };
    if (typeof body.input_tokens !== 'number') throw new Error('count_tokens answered without input_tokens');
    return body.input_tokens;
  };
  let overhead: Promise<number> | undefined;
  return {
    name: `anthropic count_tokens (${o.model})`,
    async count(texts) {
      overhead ??= one('x').then((n) => Math.max(0, n - 1));
      const framing = await overhead;
      const out = new Array<number>(texts.length).fill(0);
      let next = 0;
      const worker = async () => {
        while (next < texts.length) {
          const i = next++;
          out[i] = texts[i]!.length === 0 ? 0 : Math.max(0, (await one(texts[i]!)) - framing);
        }
      };
      await Promise.all(Array.from({ length: Math.min(ANTHROPIC_CONCURRENCY, texts.length) }, worker));
      return out;
    },
  };
}
