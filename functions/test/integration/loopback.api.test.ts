// Nothing of the local stack may be reachable from another machine: DynamoDB Local answers anyone with no
// authentication, and the API and the fake WeChat server accept forged logins (DEV_LOGIN). The kernel's socket tables
// say where each server really listens, whatever its options claim.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { endianness } from 'node:os';

interface Listener {
  address: string;
  port: number;
  inode: string;
}

const LISTEN = '0A';
const LOOPBACK = new Set(['127.0.0.1', '::ffff:127.0.0.1', '::1']);

/** One 32-bit word of /proc/net/tcp*: printed as a host-order integer, so its bytes read backwards on little-endian. */
function wordBytes(hex: string): number[] {
  const bytes = hex.match(/../g)!.map((b) => parseInt(b, 16));
  return endianness() === 'LE' ? bytes.reverse() : bytes;
}

function formatAddress(hex: string): string {
  const bytes = hex.match(/.{8}/g)!.flatMap(wordBytes);
  if (bytes.length === 4) return bytes.join('.');
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return `::ffff:${bytes.slice(12).join('.')}`;
  if (zeros(0, 15) && bytes[15] === 1) return '::1';
  if (zeros(0, 16)) return '::';
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return groups.join(':');
}

function listeners(): Listener[] {
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[3] === LISTEN)
      .map((cols) => {
        const [address, port] = cols[1]!.split(':') as [string, string];
        return { address: formatAddress(address), port: parseInt(port, 16), inode: cols[9]! };
      }),
  );
}

/** The processes holding any of these socket inodes (a listening socket belongs to the server that opened it). */
function ownersOf(inodes: Set<string>): Map<number, Set<string>> {
  const owners = new Map<number, Set<string>>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or another user's
    }
    const sockets = new Set<string>();
    for (const fd of fds) {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        if (inode) sockets.add(inode);
      } catch {
        /* closed meanwhile */
      }
    }
    if ([...sockets].some((s) => inodes.has(s))) owners.set(Number(pid), sockets);
  }
  return owners;
}

const portOf = (variable: string): number => {
  const url = process.env[variable];
  if (!url) throw new Error(`${variable} is not set: run this test through the integration project (test/global-setup.ts)`);
  return Number(new URL(url).port);
};

const servers = () => ({
  'DynamoDB Local': portOf('STACK_DB_ENDPOINT'),
  'the API (serverless-offline)': portOf('STACK_API_URL'),
  "serverless-offline's Lambda invoke API": portOf('STACK_LAMBDA_URL'),
  'the fake WeChat server': portOf('STACK_WECHAT_URL'),
});

describe('the local stack listens on the loopback interface only', () => {
  it.each(Object.entries(servers()))('%s', (_name, port) => {
    const sockets = listeners().filter((l) => l.port === port);
    expect(sockets.length).toBeGreaterThan(0);
    expect(sockets.map((s) => s.address).filter((a) => !LOOPBACK.has(a))).toEqual([]);
  });

  it('and no process of the stack opens any other port on another interface', () => {
    const all = listeners();
    const ports = new Set(Object.values(servers()));
    const owners = ownersOf(new Set(all.filter((l) => ports.has(l.port)).map((l) => l.inode)));
    // DynamoDB Local's JVM and serverless-offline's Node process: each server above is owned by one of them.
    expect(owners.size).toBeGreaterThanOrEqual(2);
    const open = all.filter((l) => [...owners.values()].some((sockets) => sockets.has(l.inode)));
    expect(open.filter((l) => !LOOPBACK.has(l.address)).map((l) => `${l.address}:${l.port}`)).toEqual([]);
  });
});
