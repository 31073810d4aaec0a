// The content module: guides → pages in reading order, with titles, headings, prev/next and examples.
// Environment-neutral: the site feeds it through Vite (site/lib/server/content.ts), tests through disk.ts.
export { guides, guideTitle, isGuideId, type GuideId } from "./guides.ts";
export { buildOutline, renderPages, siteRoutes } from "./outline.ts";
export { classifySources, type ContentSources } from "./sources.ts";
export { ContentError } from "./errors.ts";
export { redirects, redirectEntries } from "./redirects.ts";
export type * from "./types.ts";
