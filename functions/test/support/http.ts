// HTTP for the tests that talk to a local server (the stack's API, the fake WeChat server): one connection per request.
// fetch pools keep-alive connections, and a test process can be busy for seconds between two test files (transforming
// the next one); the server closes the idle connection meanwhile, and the next request taken from the pool fails with
// "other side closed" before it was even sent. A connection of its own costs nothing on loopback.
import { request } from 'node:http';

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export interface HttpInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export function httpCall(url: string, init: HttpInit = {}): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const body = init.body === undefined ? undefined : Buffer.isBuffer(init.body) ? init.body : Buffer.from(init.body);
    const req = request(
      target,
      {
        method: init.method ?? 'GET',
        agent: false,
        headers: { ...init.headers, ...(body ? { 'content-length': String(body.length) } : {}), connection: 'close' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [key, value] of Object.entries(res.headers)) if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
          resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/** A JSON answer of a control route (the fake WeChat server's `__sent`, say). */
export async function httpJson<T>(url: string, init: HttpInit = {}): Promise<T> {
  const reply = await httpCall(url, init);
  if (reply.status >= 400) throw new Error(`${init.method ?? 'GET'} ${url}: ${reply.status} ${reply.text}`);
  return JSON.parse(reply.text) as T;
}
