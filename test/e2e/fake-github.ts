/**
 * A fake GitHub REST API on 127.0.0.1: keeps state (comments, check runs, issues, labels), checks
 * every request's path, query and JSON body against GitHub's published OpenAPI description
 * (@octokit/openapi), paginates like GitHub (Link headers), and injects faults on demand.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

type Json = any;
interface Route {
  method: string;
  template: string;
  re: RegExp;
  names: string[];
  op: Json;
}

let routes: Route[] | undefined;
let specParams: Record<string, Json> = {};
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function loadSpec(): Route[] {
  if (routes) return routes;
  const spec = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8'));
  ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'gh', components: spec.components });
  specParams = spec.components.parameters;
  routes = [];
  for (const [template, item] of Object.entries<Json>(spec.paths)) {
    const names: string[] = [];
    const re = new RegExp(
      '^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_m, n: string) => (names.push(n), '([^/]+)')) + '$',
    );
    for (const method of ['get', 'post', 'patch', 'put', 'delete'])
      if (item[method])
        routes.push({
          method: method.toUpperCase(),
          template,
          re,
          names,
          op: { ...item[method], parameters: [...(item.parameters ?? []), ...(item[method].parameters ?? [])] },
        });
  }
  return routes;
}

function nullableToJsonSchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(nullableToJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) if (k !== 'nullable') out[k] = k === '$ref' && typeof v === 'string' ? 'gh' + v : nullableToJsonSchema(v);
  // OpenAPI 3.0 `nullable`: accept null where a schema says so.
  if (schema.nullable === true && schema.type) out.type = ([] as unknown[]).concat(schema.type, 'null');
  return out;
}

function validatorFor(key: string, schema: Json): ValidateFunction {
  let v = validators.get(key);
  if (!v) {
    v = ajv!.compile(nullableToJsonSchema(schema));
    validators.set(key, v);
  }
  return v;
}

export interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
  issue: number;
  created_at: string;
}

export interface Fault {
  method: string;
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: Json;
  times: number;
  /** Delay the response (ms). */
  delayMs?: number;
}

export interface Token {
  login: string;
  readOnly?: boolean;
  /** GITHUB_TOKEN can't read GET /user. */
  integration?: boolean;
}

export class FakeGitHub {
  readonly comments: Comment[] = [];
  readonly checkRuns: Json[] = [];
  readonly issues: Json[] = [];
  readonly labels = new Set<string>();
  readonly requests: { method: string; path: string; status: number }[] = [];
  readonly violations: string[] = [];
  readonly faults: Fault[] = [];
  tokens: Record<string, Token> = {
    'ghs-write': { login: 'github-actions[bot]', integration: true },
    'ghs-read': { login: 'github-actions[bot]', integration: true, readOnly: true },
  };
  private nextId = 1000;
  private server?: http.Server;
  url = '';

  async start(): Promise<string> {
    loadSpec();
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.handle(req, Buffer.concat(chunks).toString('utf8'), res).catch((e) => {
          this.violations.push(`handler error: ${(e as Error).message}`);
          res.writeHead(500).end('{}');
        });
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  /** Pull requests the fake knows (for the workflow_run recipe's lookup of a fork's pull request). */
  readonly pulls: { number: number; state: string; head: { sha: string; ref: string; repo: { full_name: string; owner: { login: string } } } }[] = [];

  /** Review comments, as GitHub keeps them (pull request, path, lines, body, author). */
  readonly reviewComments: {
    id: number;
    pull: number;
    path: string;
    line: number;
    start_line?: number;
    side: string;
    body: string;
    commit_id: string;
    user: { login: string };
  }[] = [];
  readonly reviews: Json[] = [];
  /**
   * Lines of each pull request's diff (RIGHT side) by path: a review comment elsewhere is refused
   * with GitHub's 422, as GitHub refuses a line outside the diff. Unset: every line is accepted.
   */
  readonly diffLines = new Map<number, Map<string, Set<number>>>();

  seedComment(issue: number, login: string, body: string): Comment {
    const c = { id: this.nextId++, body, user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' }, issue, created_at: new Date().toISOString() };
    this.comments.push(c);
    return c;
  }

  private send(res: http.ServerResponse, status: number, body: Json, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-api-version-selected': '2022-11-28', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  }

  private commentJson(c: Comment): Json {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      body: c.body,
      user: { login: c.user.login, id: 1, type: c.user.type },
      html_url: `https://github.com/o/r/pull/${c.issue}#issuecomment-${c.id}`,
      url: `${this.url}/repos/o/r/issues/comments/${c.id}`,
      created_at: c.created_at,
      updated_at: c.created_at,
      author_association: 'NONE',
    };
  }

  private paginate(res: http.ServerResponse, u: URL, items: Json[]): void {
    const per = Math.min(Number(u.searchParams.get('per_page') ?? 30), 100);
    const page = Number(u.searchParams.get('page') ?? 1);
    const slice = items.slice((page - 1) * per, page * per);
    const headers: Record<string, string> = {};
    if (page * per < items.length) {
      const next = new URL(u.toString());
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${this.url}${next.pathname}${next.search}>; rel="next"`;
    }
    this.send(res, 200, slice, headers);
  }

  private validate(method: string, u: URL, body: string): { route?: Route; params: Record<string, string>; json: Json } {
    const path = u.pathname;
    const route = routes!.find((r) => r.method === method && r.re.test(path));
    if (!route) {
      this.violations.push(`${method} ${path}: no such operation in GitHub's OpenAPI description`);
      return { params: {}, json: undefined };
    }
    const m = route.re.exec(path)!;
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
    const query = route.op.parameters.map((p: Json) => (p.$ref ? specParams[refName(p.$ref)] : p)).filter((p: Json) => p && p.in === 'query');
    for (const [k, v] of u.searchParams) {
      const p = query.find((q: Json) => q.name === k);
      if (!p) this.violations.push(`${method} ${route.template}: unknown query parameter "${k}" (known: ${query.map((q: Json) => q.name).join(', ')})`);
      else if (p.schema?.type === 'integer' && !/^\d+$/.test(v)) this.violations.push(`${method} ${route.template}: query ${k}=${v} is not an integer`);
      else if (p.schema?.enum && !p.schema.enum.includes(v))
        this.violations.push(`${method} ${route.template}: query ${k}=${v} is not one of ${p.schema.enum.join(', ')}`);
    }
    let json: Json;
    if (body) {
      try {
        json = JSON.parse(body);
      } catch {
        this.violations.push(`${method} ${route.template}: body is not JSON`);
      }
      const schema = route.op.requestBody?.content?.['application/json']?.schema;
      if (!schema) this.violations.push(`${method} ${route.template}: sent a body, but the operation takes none`);
      else if (json !== undefined) {
        const v = validatorFor(`${method} ${route.template}`, schema);
        if (!v(json)) this.violations.push(`${method} ${route.template}: body does not match the schema: ${ajv!.errorsText(v.errors)}`);
      }
    } else if (route.op.requestBody?.required) this.violations.push(`${method} ${route.template}: required body missing`);
    return { route, params, json };
  }

  private async handle(req: http.IncomingMessage, body: string, res: http.ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const u = new URL(req.url ?? '/', this.url);
    const record = (status: number) => this.requests.push({ method, path: u.pathname + u.search, status });
    const fault = this.faults.find((f) => f.times > 0 && f.method === method && f.path.test(u.pathname));
    if (fault) {
      fault.times--;
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      record(fault.status);
      return this.send(res, fault.status, fault.body ?? { message: `injected ${fault.status}` }, fault.headers);
    }
    const auth = (req.headers.authorization ?? '').replace(/^(token|bearer) /i, '');
    const token = this.tokens[auth];
    if (!token) {
      record(401);
      return this.send(res, 401, { message: 'Bad credentials' });
    }
    const { route, params, json } = this.validate(method, u, body);
    const t = route?.template ?? '';
    const write = method !== 'GET';
    if (write && token.readOnly) {
      record(403);
      return this.send(res, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' });
    }
    const ok = (status: number, data: Json, headers?: Record<string, string>) => {
      record(status);
      this.send(res, status, data, headers);
    };
    switch (`${method} ${t}`) {
      case 'GET /user':
        if (token.integration) return ok(403, { message: 'Resource not accessible by integration' });
        return ok(200, { login: token.login, id: 1, type: 'User' });
      case 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        record(200);
        return this.paginate(
          res,
          u,
          this.comments.filter((c) => c.issue === Number(params.issue_number)).map((c) => this.commentJson(c)),
        );
      }
      case 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const c = this.seedComment(Number(params.issue_number), token.login, json.body);
        return ok(201, this.commentJson(c));
      }
      case 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        const c = this.comments.find((x) => x.id === Number(params.comment_id));
        if (!c) return ok(404, { message: 'Not Found' });
        c.body = json.body;
        return ok(200, this.commentJson(c));
      }
      case 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        const i = this.comments.findIndex((x) => x.id === Number(params.comment_id));
        if (i >= 0) this.comments.splice(i, 1);
        return ok(204, undefined);
      }
      case 'POST /repos/{owner}/{repo}/check-runs': {
        const run = {
          id: this.nextId++,
          ...json,
          annotationsAll: [...(json.output?.annotations ?? [])],
          html_url: `https://github.com/o/r/runs/${this.nextId}`,
        };
        this.checkRuns.push(run);
        return ok(201, { id: run.id, html_url: run.html_url, name: run.name, head_sha: run.head_sha, status: run.status, conclusion: run.conclusion });
      }
      case 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': {
        const run = this.checkRuns.find((x) => x.id === Number(params.check_run_id));
        if (!run) return ok(404, { message: 'Not Found' });
        run.annotationsAll.push(...(json.output?.annotations ?? []));
        run.output = json.output ?? run.output;
        return ok(200, { id: run.id, html_url: run.html_url });
      }
      case 'GET /repos/{owner}/{repo}/issues': {
        const label = u.searchParams.get('labels');
        const list = this.issues.filter((i) => i.state === 'open' && (!label || i.labels.some((l: Json) => l.name === label)));
        record(200);
        return this.paginate(res, u, list);
      }
      case 'POST /repos/{owner}/{repo}/issues': {
        const n = this.issues.length + 1;
        const issue = {
          id: this.nextId++,
          number: n,
          title: json.title,
          body: json.body,
          state: 'open',
          labels: (json.labels ?? []).map((l: string) => ({ name: l })),
          user: { login: token.login, type: 'Bot' },
          html_url: `https://github.com/o/r/issues/${n}`,
        };
        for (const l of json.labels ?? []) if (!this.labels.has(l)) return ok(422, { message: `label ${l} does not exist` });
        this.issues.push(issue);
        return ok(201, issue);
      }
      case 'PATCH /repos/{owner}/{repo}/issues/{issue_number}': {
        const issue = this.issues.find((i) => i.number === Number(params.issue_number));
        if (!issue) return ok(404, { message: 'Not Found' });
        Object.assign(issue, json.body !== undefined ? { body: json.body } : {}, json.title !== undefined ? { title: json.title } : {});
        return ok(200, issue);
      }
      case 'GET /repos/{owner}/{repo}/pulls': {
        // `head` filters by `owner:branch` (the fork's owner for a fork's pull request), `state` by state.
        const head = u.searchParams.get('head');
        const state = u.searchParams.get('state') ?? 'open';
        const list = this.pulls.filter((p) => (state === 'all' || p.state === state) && (!head || `${p.head.repo.owner.login}:${p.head.ref}` === head));
        record(200);
        return this.paginate(res, u, list as unknown as Json[]);
      }
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}/comments': {
        record(200);
        const n = Number(params.pull_number);
        return this.paginate(
          res,
          u,
          this.reviewComments
            .filter((c) => c.pull === n)
            .map((c) => ({ ...c, user: { login: c.user.login, id: 1, type: c.user.login.endsWith('[bot]') ? 'Bot' : 'User' } })),
        );
      }
      case 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews': {
        const n = Number(params.pull_number);
        const lines = this.diffLines.get(n);
        for (const c of json.comments ?? []) {
          const inDiff = (l: number) => !lines || (lines.get(c.path)?.has(l) ?? false);
          if (!inDiff(c.line) || (c.start_line !== undefined && !inDiff(c.start_line)))
            return ok(422, { message: 'Unprocessable Entity', errors: ['Pull request review thread line must be part of the diff'] });
        }
        const review = {
          id: this.nextId++,
          body: json.body,
          state: json.event === 'COMMENT' ? 'COMMENTED' : 'PENDING',
          commit_id: json.commit_id,
          user: { login: token.login },
        };
        this.reviews.push(review);
        for (const c of json.comments ?? [])
          this.reviewComments.push({
            id: this.nextId++,
            pull: n,
            path: c.path,
            line: c.line,
            start_line: c.start_line,
            side: c.side ?? 'RIGHT',
            body: c.body,
            commit_id: json.commit_id,
            user: { login: token.login },
          });
        return ok(200, { ...review, html_url: `https://github.com/o/r/pull/${n}#pullrequestreview-${review.id}` });
      }
      case 'GET /repos/{owner}/{repo}/labels/{name}':
        return this.labels.has(params.name!) ? ok(200, { name: params.name, color: '5319e7' }) : ok(404, { message: 'Not Found' });
      case 'POST /repos/{owner}/{repo}/labels':
        if (this.labels.has(json.name)) return ok(422, { message: 'already_exists' });
        this.labels.add(json.name);
        return ok(201, { name: json.name, color: json.color });
      default:
        this.violations.push(`${method} ${u.pathname}: not implemented by the fake`);
        return ok(404, { message: 'Not Found' });
    }
  }
}

function refName(ref: string): string {
  return ref.split('/').pop() ?? '';
}
