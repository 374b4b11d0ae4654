/**
 * Server test support: a real server on 127.0.0.1 port 0 in a fresh temporary data folder, and a small HTTP client
 * (a cookie jar, the CSRF token on state-changing requests, JSON in and out).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from '../../runtime/server/start.ts';

/** A fresh data folder for one test file, and a way to start (and restart) a server on it. */
export function serverSandbox() {
  const dataDir = mkdtempSync(join(tmpdir(), 'onematter-server-'));
  let running: RunningServer | undefined;
  return {
    dataDir,
    async start(options: Partial<ServerOptions> = {}): Promise<RunningServer> {
      running = await startServer({ port: 0, dataDir, ...options });
      return running;
    },
    async stop(): Promise<void> {
      await running?.close();
      running = undefined;
    },
    async remove(): Promise<void> {
      await running?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: any;
}

export interface RequestOptions {
  /** Send this text (or these bytes) as the body instead of JSON-encoding `body`. */
  readonly raw?: string | Uint8Array<ArrayBuffer>;
  readonly contentType?: string;
  /** false: do not send the CSRF token. */
  readonly csrf?: boolean;
}

export const demoPassword = 'demo1234';

export class Client {
  readonly cookies = new Map<string, string>();
  private token: string | undefined;

  /** `headers` go with every request (e.g. a user-agent, to tell sessions apart). */
  constructor(
    readonly base: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {}

  /** Signs in (fetching a CSRF token first); throws unless it worked. */
  static async signedIn(base: string, username: string, password = demoPassword, headers: Readonly<Record<string, string>> = {}): Promise<Client> {
    const client = new Client(base, headers);
    const reply = await client.post('/api/session', { username, password });
    if (reply.status !== 200) throw new Error(`sign-in of ${username} failed: ${reply.status} ${reply.text}`);
    return client;
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown, options?: RequestOptions) => this.request('POST', path, body, options);
  put = (path: string, body?: unknown, options?: RequestOptions) => this.request('PUT', path, body, options);
  delete = (path: string, options?: RequestOptions) => this.request('DELETE', path, undefined, options);

  async request(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...this.headers };
    const changes = method !== 'GET' && method !== 'HEAD';
    if (changes && options.csrf !== false) headers['x-csrf-token'] = await this.csrf();
    const payload = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(this.base + path, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
    this.keepCookies(response.headers);
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, text, body: parsed };
  }

  /** Another client holding a copy of this one's cookies (a stolen or copied cookie). */
  copy(): Client {
    const copy = new Client(this.base, this.headers);
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }

  /** The CSRF token (fetched once per client). */
  async csrf(): Promise<string> {
    if (!this.token) this.token = (await this.get('/api/csrf')).body.token as string;
    return this.token;
  }

  private keepCookies(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
