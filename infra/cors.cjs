// Which web origins the HTTP API lets a browser call it from (CORS).
// serverless.yml: `allowedOrigins: ${file(./infra/cors.cjs):allowedOrigins}`. The mini-program needs none (WeChat's
// wx.request is not a browser fetch); only the H5 build does. A deployed stage allows exactly the origins given at
// deploy time, `--param="h5Origins=https://h5.example.cn,https://b.example.cn"`, and none without them; the local
// stack, whose H5 build and tests run on ports chosen at random, allows any.
'use strict';

/** The stage of the local stack (scripts/lib/offline.ts runs `serverless offline --stage local`). */
const LOCAL_STAGE = 'local';

/**
 * The origins in a comma-separated list, each exactly `https://host[:port]` as a browser sends it in `Origin`: no
 * path, query, trailing slash, user or wildcard. Anything else throws, naming the entry, so packaging stops.
 */
function parseOrigins(list) {
  const text = String(list ?? '').trim();
  if (!text) return [];
  return text.split(',').map((raw) => {
    const entry = raw.trim();
    const problem = originProblem(entry);
    if (problem) throw new Error(`h5Origins: "${entry}" ${problem}`);
    return entry;
  });
}

function originProblem(entry) {
  if (!entry) return 'is empty (a stray comma?)';
  // API Gateway would take `*` and `https://*.example.cn`: both let far more sites call the API than the H5 build.
  if (entry.includes('*')) return 'is a wildcard; list each origin instead';
  let url;
  try {
    url = new URL(entry);
  } catch {
    return 'is not a URL; write https://host';
  }
  if (url.protocol !== 'https:') return 'is not https';
  // A browser's Origin header is the bare origin; anything more (a path, a slash, a user, a default port) never matches.
  if (url.origin !== entry) return `is not a bare origin; write ${url.origin}`;
  return undefined;
}

/** `provider.httpApi.cors.allowedOrigins` for the stage being packaged or run. */
async function allowedOrigins({ resolveVariable }) {
  const stage = await resolveVariable('sls:stage');
  if (stage === LOCAL_STAGE) return ['*'];
  return parseOrigins(await resolveVariable('param:h5Origins'));
}

module.exports = { LOCAL_STAGE, parseOrigins, allowedOrigins };
