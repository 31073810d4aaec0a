import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Body, Depends, FastAPI, Header, dependency } from "../src/index.ts";

// FastAPI documents an operation's parameters by location (path, query, header, cookie), each in the order of
// `get_flat_dependant`: the operation's own first, then its dependencies' (the route's `dependencies` before the
// ones in its signature), depth first. The expectations are FastAPI 0.142's document for the same app.

describe("the order of documented parameters", () => {
  const inner = dependency({ params: { z: z.string().nullable().default(null), x_inner: Header(z.string().nullable().default(null)) } }, function inner({ z }) {
    return z;
  });
  const common = dependency({
    params: { skip: z.int().default(0), limit: z.int().default(10), i: Depends(inner), c: Body(z.int().nullable().default(null)) },
  }, function common({ skip }) {
    return skip;
  });
  const token = dependency({ params: { x_token: Header(z.string()) } }, function tok({ x_token }) {
    return x_token;
  });
  const app = new FastAPI();
  app.post("/e/{p}", {
    dependencies: [Depends(token)],
    params: { p: z.int(), q: z.string(), d: Depends(common), a: Body(z.int()), x_own: Header(z.string().nullable().default(null)) },
  }, function e() {
    return {};
  });
  const doc = app.openapi() as unknown as {
    paths: Record<string, { post: { parameters: { in: string; name: string }[] } }>;
    components: { schemas: Record<string, { properties: Record<string, unknown> }> };
  };

  it("lists the operation's own parameters before its dependencies', depth first", () => {
    expect(doc.paths["/e/{p}"]!.post.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
      "path:p", "query:q", "query:skip", "query:limit", "query:z", "header:x-own", "header:x-token", "header:x-inner",
    ]);
  });

  it("orders the merged body's fields the same way", () => {
    expect(Object.keys(doc.components.schemas["Body_e_e__p__post"]!.properties)).toEqual(["a", "c"]);
  });
});
