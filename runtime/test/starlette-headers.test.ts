import { describe, expect, it } from "vitest";
import { FileResponse, Response } from "../src/index.ts";

// Header values written as Starlette writes them; each expectation is what Starlette 1.7 (FastAPI 0.142) sends.

describe("cookie values, as Python's SimpleCookie quotes them", () => {
  const cookie = (value: string): string => {
    const r = new Response(null);
    r.setCookie("k", value);
    return r.headers.get("set-cookie")!.split(";")[0]!;
  };

  it("quotes what is not a token: empty values, spaces, commas and semicolons (octal), quotes and backslashes", () => {
    expect(cookie("ok")).toBe("k=ok");
    expect(cookie("")).toBe('k=""');
    expect(cookie("b c")).toBe('k="b c"');
    expect(cookie("a,b;c")).toBe('k="a\\054b\\073c"');
    expect(cookie('q"x\\y')).toBe('k="q\\"x\\\\y"');
    expect(cookie("é")).toBe('k="\\351"');
    expect(cookie("(x)/[y]")).toBe('k="(x)/[y]"');
  });

  it("writes a deleted cookie's empty value as \"\"", () => {
    const r = new Response(null);
    r.deleteCookie("old");
    expect(r.headers.get("set-cookie")).toMatch(/^old=""; expires=.+; Max-Age=0; Path=\/; SameSite=lax$/);
  });
});

describe("a file response's Content-Disposition", () => {
  const disposition = (filename: string, type?: "inline"): string | null =>
    new FileResponse(new Blob(["x"]), { filename, ...(type ? { contentDispositionType: type } : {}) }).headers.get("content-disposition");

  it("quotes the name as Python's urllib.parse.quote does, falling back to filename* when it changes it", () => {
    expect(disposition("a.txt")).toBe('attachment; filename="a.txt"');
    expect(disposition("a.txt", "inline")).toBe('inline; filename="a.txt"');
    expect(disposition("résumé.txt")).toBe("attachment; filename*=utf-8''r%C3%A9sum%C3%A9.txt");
    expect(disposition("a (1).txt")).toBe("attachment; filename*=utf-8''a%20%281%29.txt");
    expect(disposition("dir/a.txt")).toBe('attachment; filename="dir/a.txt"');
  });
});
