import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import prodConfig from './prod';

// The shared package (the 附件3 schema) is TypeScript outside src/: compile it like our own code.
const SHARED = path.resolve(__dirname, '..', '..', 'shared', 'src');

/** The parts of Taro's webpack-chain configuration that webpackChain touches. */
interface Chain {
  module: { rule(name: string): { test(t: string): { set(key: 'sideEffects', value: boolean): unknown } } };
  resolve: { plugin(name: string): { use(plugin: unknown): unknown } };
}

/**
 * Both builds resolve tsconfig's paths, and mark shared/ pure. shared/ is constants, types and zod schemas: nothing
 * runs for its effects. Saying so lets webpack follow the barrel's `export *` to the modules a page really uses, so
 * the 揭榜 schemas that only the contest subpackage needs stay out of the main package (it is at its 512 KB target).
 */
function webpackChain(chain: Chain) {
  chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
  chain.module.rule('shared-pure').test(SHARED).set('sideEffects', false);
}

/** Both builds keep class names as written (CSS modules off). */
const CSS_MODULES = {
  enable: false,
  config: { namingPattern: 'module' as const, generateScopedName: '[name]__[local]___[hash:base64:5]' },
};

/**
 * Build-time settings that reach the bundle. Taro 4 reads TARO_APP_* only from .env files, so the ones given in the
 * environment (by the local stack, CI or a deploy) are passed explicitly; nothing secret belongs here.
 */
const APP_ENV = {
  TARO_APP_API_BASE: process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000',
  TARO_APP_TEMPLATE_NEW_MATCH: process.env.TARO_APP_TEMPLATE_NEW_MATCH ?? '',
  TARO_APP_TEMPLATE_STATUS: process.env.TARO_APP_TEMPLATE_STATUS ?? '',
};

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'innovation-challenge',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV ?? 'weapp'}`,
    plugins: [],
    defineConstants: {},
    env: Object.fromEntries(Object.entries(APP_ENV).map(([k, v]) => [k, JSON.stringify(v)])),
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [SHARED] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: CSS_MODULES,
      },
      webpackChain,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [SHARED] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      router: { mode: 'hash' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: CSS_MODULES,
      },
      webpackChain,
    },
  };
  return process.env.NODE_ENV === 'development' ? merge({}, baseConfig, devConfig) : merge({}, baseConfig, prodConfig);
});
