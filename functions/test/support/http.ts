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
  body?: string | Uint8Array;
  /** Nothing heard for this long fails the call (the connection is dropped), instead of waiting for jest's timeout. */
  timeoutMs?: number;
}

export function httpCall(url: string, init: HttpInit = {}): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const body =
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? Buffer.from(init.body, 'utf8')
          : Buffer.from(init.body);
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
          for (const [key, value] of Object.entries(res.headers))
            if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
          resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    req.on('error', reject);
    if (init.timeoutMs !== undefined) {
      const ms = init.timeoutMs;
      req.setTimeout(ms, () =>
        req.destroy(new Error(`no answer from ${init.method ?? 'GET'} ${target.pathname} within ${ms} ms`)),
      );
    }
    if (body) req.write(body);
    req.end();
  });
}
