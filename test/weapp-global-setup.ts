// The weapp page tests need the local stack (their `wx.request` double talks to its API) and a weapp build.
// `npm run check:weapp` builds first and says so with WEAPP_BUILT=1; a plain `jest --selectProjects weapp` builds here.
import { buildWeapp } from '../scripts/lib/weapp';
import { stackOnce } from './stack-once';

export default async function weappGlobalSetup(): Promise<void> {
  if (process.env.WEAPP_BUILT !== '1') buildWeapp({ echo: process.env.VERBOSE === '1' });
  await stackOnce();
}
