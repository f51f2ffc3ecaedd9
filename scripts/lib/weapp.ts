// The WeChat build of the mini-program, as `npm run build:weapp` makes it, for the weapp check and its page tests.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { LOCAL_WECHAT } from './stack';

export { WEAPP_DIST } from '../weapp/build-files';

const MINIAPP = join(__dirname, '..', '..', 'miniapp');

/** Builds miniapp/dist/weapp (`npm run build:weapp`) with the local stack's subscribe-message template ids (the API base does not matter:
 * the page tests' `wx.request` double sends every request to the stack it was given). */
export function buildWeapp(opts: { echo?: boolean } = {}): void {
  execFileSync('npm', ['run', 'build:weapp'], {
    cwd: MINIAPP,
    stdio: ['ignore', opts.echo ? 'inherit' : 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      TARO_APP_TEMPLATE_NEW_MATCH: LOCAL_WECHAT.templates.newMatch,
      TARO_APP_TEMPLATE_STATUS: LOCAL_WECHAT.templates.status,
    },
  });
}
