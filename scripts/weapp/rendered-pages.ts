// Where the page smoke test (jest project weapp) records which pages of app.json it rendered, for check.ts to report.
export const RENDERED_PAGES_FILE = '.artifacts/weapp/rendered-pages.json';

export interface RenderedPages {
  pages: string[];
}
