// Every page is prerendered: the built site is a folder any static server can serve, offline.
export const prerender = true;
export const trailingSlash = "never";
