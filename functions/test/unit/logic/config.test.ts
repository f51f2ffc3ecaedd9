// Configuration fails loudly, naming the variable, and fills in documented defaults.
import { parseConfig } from '../../../src/config/config';

const SECRET = 'j'.repeat(32);
const base = (extra: Record<string, string | undefined> = {}): Record<string, string | undefined> => ({
  TABLE_PREFIX: 'cic-test-',
  JWT_SECRET: SECRET,
  ...extra,
});

function failure(env: Record<string, string | undefined>): string {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof Error) return err.message;
    throw err;
  }
  throw new Error('parseConfig accepted the configuration');
}

describe('parseConfig', () => {
  it('accepts the minimal configuration', () => {
    const cfg = parseConfig(base());
    expect(cfg.TABLE_PREFIX).toBe('cic-test-');
    expect(cfg.JWT_SECRET).toBe(SECRET);
  });

  it('fails naming JWT_SECRET when it is missing or empty', () => {
    expect(failure(base({ JWT_SECRET: undefined }))).toMatch(/^Invalid configuration: .*JWT_SECRET/);
    const { JWT_SECRET: _omitted, ...withoutKey } = base();
    expect(failure(withoutKey)).toContain('JWT_SECRET');
    expect(failure(base({ JWT_SECRET: '' }))).toContain('JWT_SECRET');
  });

  it('fails naming JWT_SECRET when it is shorter than 32 characters, without echoing it', () => {
    const short = 's3cr3t-'.repeat(4).slice(0, 31);
    const message = failure(base({ JWT_SECRET: short }));
    expect(message).toContain('JWT_SECRET');
    expect(message).toContain('32');
    expect(message).not.toContain(short);
    expect(parseConfig(base({ JWT_SECRET: 'k'.repeat(32) })).JWT_SECRET).toHaveLength(32);
  });

  it('names every problem at once', () => {
    const message = failure({ JWT_SECRET: 'short' });
    expect(message).toContain('JWT_SECRET');
    expect(message).toContain('TABLE_PREFIX');
  });

  it('DEV_LOGIN defaults to false and is true only for "1" and "true"', () => {
    expect(parseConfig(base()).DEV_LOGIN).toBe(false);
    expect(parseConfig(base({ DEV_LOGIN: undefined })).DEV_LOGIN).toBe(false);
    for (const off of ['0', 'false', '']) expect(parseConfig(base({ DEV_LOGIN: off })).DEV_LOGIN).toBe(false);
    for (const on of ['1', 'true']) expect(parseConfig(base({ DEV_LOGIN: on })).DEV_LOGIN).toBe(true);
    for (const bad of ['yes', 'TRUE', 'on', '2']) expect(failure(base({ DEV_LOGIN: bad }))).toContain('DEV_LOGIN');
  });

  it('reads an empty DYNAMODB_ENDPOINT as unset', () => {
    expect(parseConfig(base({ DYNAMODB_ENDPOINT: '' })).DYNAMODB_ENDPOINT).toBeUndefined();
    expect(parseConfig(base()).DYNAMODB_ENDPOINT).toBeUndefined();
    expect(parseConfig(base({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' })).DYNAMODB_ENDPOINT).toBe('http://127.0.0.1:8000');
    expect(failure(base({ DYNAMODB_ENDPOINT: 'not a url' }))).toContain('DYNAMODB_ENDPOINT');
  });

  it('fills in the defaults', () => {
    const cfg = parseConfig(base());
    expect(cfg.WECHAT_API_BASE).toBe('https://api.weixin.qq.com');
    expect(cfg.TOKEN_TTL_SECONDS).toBe(7 * 24 * 3600);
    expect(cfg.STAGE).toBe('local');
    expect(cfg.WECHAT_TIMEOUT_MS).toBe(5000);
    expect(cfg.WECHAT_APPID).toBeUndefined();
    expect(cfg.WECHAT_SECRET).toBeUndefined();
  });

  it('reads numbers and URLs from strings and rejects bad ones by name', () => {
    const cfg = parseConfig(
      base({ TOKEN_TTL_SECONDS: '3600', WECHAT_API_BASE: 'http://127.0.0.1:9999', WECHAT_APPID: 'wx123', WECHAT_SECRET: '' }),
    );
    expect(cfg.TOKEN_TTL_SECONDS).toBe(3600);
    expect(cfg.WECHAT_API_BASE).toBe('http://127.0.0.1:9999');
    expect(cfg.WECHAT_APPID).toBe('wx123');
    expect(cfg.WECHAT_SECRET).toBeUndefined();
    expect(failure(base({ TOKEN_TTL_SECONDS: '-5' }))).toContain('TOKEN_TTL_SECONDS');
    expect(failure(base({ TOKEN_TTL_SECONDS: 'week' }))).toContain('TOKEN_TTL_SECONDS');
    expect(failure(base({ WECHAT_API_BASE: 'api.weixin.qq.com' }))).toContain('WECHAT_API_BASE');
  });
});
