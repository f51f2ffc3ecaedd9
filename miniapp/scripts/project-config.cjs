// Writes dist/weapp/project.config.json for WeChat DevTools, with the appid from the environment
// (WECHAT_APPID; DevTools' tourist appid when unset). The appid is not secret, but it belongs to a deployment.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const base = JSON.parse(readFileSync(join(__dirname, '..', 'project.config.json'), 'utf8'));
const appid = process.env.WECHAT_APPID || 'touristappid';
const out = join(__dirname, '..', 'dist', 'weapp', 'project.config.json');
writeFileSync(out, `${JSON.stringify({ ...base, appid, miniprogramRoot: './' }, null, 2)}\n`);
console.log(`WeChat DevTools project: ${out} (appid ${appid === 'touristappid' ? 'touristappid, the tourist appid' : appid})`);
