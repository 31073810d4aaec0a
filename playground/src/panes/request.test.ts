import { describe, expect, it } from "vitest";
import { formatBody, parseHeaderLines, toCurl, toRequest } from "./request.ts";

describe("request console", () => {
  it("builds a request with a JSON body by default", async () => {
    const request = toRequest({ method: "POST", path: "items/?q=1", headers: "X-Token: abc\n\nbad line", body: '{"name":"Foo"}' }, "http://app");
    expect(request.url).toBe("http://app/items/?q=1");
    expect(request.headers.get("x-token")).toBe("abc");
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(await request.text()).toBe('{"name":"Foo"}');
  });

  it("sends no body with GET", () => {
    expect(toRequest({ method: "GET", path: "/", headers: "", body: "ignored" }, "http://app").body).toBeNull();
  });

  it("copies as curl, quoting for the shell", () => {
    expect(toCurl({ method: "POST", path: "/items/", headers: "", body: `{"name":"O'Brien"}` }, "http://127.0.0.1:8000")).toBe(
      `curl -X POST 'http://127.0.0.1:8000/items/' -H 'content-type: application/json' -d '{"name":"O'\\''Brien"}'`,
    );
  });

  it("parses header lines and pretty-prints JSON", () => {
    expect(parseHeaderLines("A: 1\nB:2:3\n: x")).toEqual([["A", "1"], ["B", "2:3"]]);
    expect(formatBody('{"a":1}', "application/json")).toBe('{\n  "a": 1\n}');
    expect(formatBody("<p>", "text/html")).toBe("<p>");
  });
});
