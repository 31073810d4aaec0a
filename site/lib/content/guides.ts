// The guides of the site, in reading order. A guide's pages live in tutorials/<id>/, ordered by its _order file.

export const guides = [
  { id: "learn", title: "Learn" },
  { id: "tutorial", title: "Tutorial – User Guide" },
  { id: "advanced", title: "Advanced User Guide" },
  // After Advanced and before How-To, as on FastAPI's site.
  { id: "deployment", title: "Deployment" },
  { id: "how-to", title: "How-To – Recipes" },
] as const;

export type GuideId = (typeof guides)[number]["id"];

export function isGuideId(value: string): value is GuideId {
  return guides.some((guide) => guide.id === value);
}

export function guideTitle(id: GuideId): string {
  return guides.find((guide) => guide.id === id)?.title ?? id;
}
