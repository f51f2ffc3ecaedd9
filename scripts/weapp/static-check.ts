// Everything WeChat checks of a built weapp folder before a page runs: both compilers, the WXML runtime's warnings on
// each page's first render, and the configuration.
import { checkAppConfig } from './app-config';
import { compileWxml, compileWxss, templateWarnings, wechatCompilers } from './compilers';
import type { Problem } from './problems';

export interface StaticReport {
  wxmlFiles: number;
  wxssFiles: number;
  pages: string[];
  /** Pages whose compiled template ran through the WXML runtime (0 when wcc failed). */
  templatesRun: number;
  packages: { root: string; bytes: number }[];
  problems: Problem[];
}

export async function checkWeappBuild(dir: string): Promise<StaticReport> {
  const compilers = wechatCompilers();
  const [wxml, wxss] = await Promise.all([compileWxml(dir, compilers), compileWxss(dir, compilers)]);
  const config = checkAppConfig(dir);
  const runtime = wxml.program ? templateWarnings(wxml.program, config.pages) : [];
  return {
    wxmlFiles: wxml.files.length,
    wxssFiles: wxss.files.length,
    pages: config.pages,
    templatesRun: wxml.program ? config.pages.length : 0,
    packages: config.packages,
    problems: [...wxml.problems, ...wxss.problems, ...runtime, ...config.problems],
  };
}
