/**
 * A fake of the Actions artifact service (what @actions/artifact talks to) on 127.0.0.1: the results
 * service's Twirp calls (CreateArtifact, FinalizeArtifact) and the blob storage the signed URL points
 * to (Azure's block upload: Put Block, then Put Block List). Keeps what was uploaded, checks the
 * runtime token's backend ids and the request fields the client must send.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const RUN = 'c0ffee00-0000-4000-8000-000000000001';
const JOB = 'c0ffee00-0000-4000-8000-000000000002';

export interface Upload {
  name: string;
  mimeType?: string;
  bytes: Buffer;
  finalized: boolean;
  id: number;
}

function b64url(s: string): string {
  return Buffer.from(s).toString('base64url');
}

export class FakeArtifacts {
  readonly uploads: Upload[] = [];
  readonly violations: string[] = [];
  /** Status to answer CreateArtifact with (a fault), when set. */
  failCreate?: number;
  /** A JWT as the runner's ACTIONS_RUNTIME_TOKEN (unsigned: the client only reads its scopes). */
  readonly runtimeToken = `${b64url('{"alg":"none","typ":"JWT"}')}.${b64url(JSON.stringify({ scp: `Actions.GenericRead:x Actions.Results:${RUN}:${JOB}` }))}.sig`;
  private blocks = new Map<string, Map<string, Buffer>>();
  private server?: http.Server;
  private nextId = 7001;
  url = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          this.handle(req, Buffer.concat(chunks), res);
        } catch (e) {
          this.violations.push(`handler error: ${(e as Error).message}`);
          res.writeHead(500).end();
        }
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  /** The runner's environment for the artifact client. */
  env(): Record<string, string> {
    return { ACTIONS_RUNTIME_TOKEN: this.runtimeToken, ACTIONS_RESULTS_URL: this.url };
  }

  private handle(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const twirp = url.pathname.match(/^\/twirp\/github\.actions\.results\.api\.v1\.ArtifactService\/(\w+)$/);
    if (twirp && req.method === 'POST') {
      const msg = JSON.parse(body.toString('utf8') || '{}') as Record<string, any>;
      const run = msg.workflowRunBackendId ?? msg.workflow_run_backend_id;
      const job = msg.workflowJobRunBackendId ?? msg.workflow_job_run_backend_id;
      if (run !== RUN || job !== JOB) this.violations.push(`${twirp[1]}: backend ids ${run}/${job} are not the token's`);
      if (!/^Bearer /.test(req.headers.authorization ?? '')) this.violations.push(`${twirp[1]}: no bearer token`);
      const json = (status: number, v: object) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(v));
      if (twirp[1] === 'CreateArtifact') {
        if (this.failCreate) return void json(this.failCreate, { code: 'permission_denied', msg: 'artifact storage quota has been hit' });
        if (this.uploads.some((u) => u.name === msg.name))
          return void json(409, { code: 'already_exists', msg: 'an artifact with this name already exists on the workflow run' });
        this.uploads.push({ name: msg.name, mimeType: msg.mime_type ?? msg.mimeType, bytes: Buffer.alloc(0), finalized: false, id: this.nextId++ });
        return void json(200, { ok: true, signedUploadUrl: `${this.url}blob/${encodeURIComponent(msg.name)}?sig=fake` });
      }
      if (twirp[1] === 'FinalizeArtifact') {
        const u = this.uploads.find((x) => x.name === msg.name);
        if (!u) return void json(404, { code: 'not_found', msg: 'no such artifact' });
        if (String(u.bytes.length) !== String(msg.size)) this.violations.push(`FinalizeArtifact: size ${msg.size}, uploaded ${u.bytes.length}`);
        const sha = `sha256:${createHash('sha256').update(u.bytes).digest('hex')}`;
        if ((msg.hash?.value ?? msg.hash) !== sha) this.violations.push(`FinalizeArtifact: hash ${JSON.stringify(msg.hash)}, uploaded ${sha}`);
        u.finalized = true;
        return void json(200, { ok: true, artifactId: String(u.id) });
      }
      return void json(404, { code: 'bad_route', msg: twirp[1] });
    }
    const blob = url.pathname.match(/^\/blob\/(.+)$/);
    if (blob && req.method === 'PUT') {
      const name = decodeURIComponent(blob[1]!);
      const u = this.uploads.find((x) => x.name === name);
      if (!u) {
        this.violations.push(`blob upload for an artifact never created: ${name}`);
        return void res.writeHead(404).end();
      }
      const comp = url.searchParams.get('comp');
      const blocks = this.blocks.get(name) ?? new Map<string, Buffer>();
      this.blocks.set(name, blocks);
      if (comp === 'block') blocks.set(url.searchParams.get('blockid') ?? '', body);
      else if (comp === 'blocklist') {
        const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)</g)].map((m) => m[1]!);
        u.bytes = Buffer.concat(ids.map((id) => blocks.get(id) ?? Buffer.alloc(0)));
      } else u.bytes = body; // a single Put Blob
      return void res
        .writeHead(201, {
          etag: '"0x1"',
          'last-modified': new Date().toUTCString(),
          'x-ms-request-id': 'fake',
          'x-ms-version': '2025-01-05',
          'x-ms-request-server-encrypted': 'true',
        })
        .end();
    }
    this.violations.push(`unexpected ${req.method} ${url.pathname}`);
    res.writeHead(404).end();
  }
}
