// In the app worker every module is a blob URL (`blob:null/3f2c…`): new on every run and meaningless
// to the page. The worker writes stacks with stable names instead, which stack.ts maps back to the
// reader's files (the project's bundle) or to the library a frame belongs to.

/** The name the project's bundle goes by in stacks from the app worker. */
export const PROJECT_MODULE = "project.bundle.js";

/** Blob URLs of the worker's modules and the names stacks should show for them. */
export class ModuleNames {
  private readonly names = new Map<string, string>();

  /** Remembers `url` as `name`; returns `url`. */
  add(url: string, name: string): string {
    this.names.set(url, name);
    return url;
  }

  /** `text` with each known URL replaced by its module's name. */
  rename(text: string): string {
    let renamed = text;
    for (const [url, name] of this.names) renamed = renamed.replaceAll(url, name);
    return renamed;
  }
}
