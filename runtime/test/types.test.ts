import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { Body, Cookie, Depends, dependency, FastAPI, File, Form, Header, Path, Query, Request, Response, UploadFile } from "../src/index.ts";

describe("handler argument types are inferred from params", () => {
  it("infers every kind of declaration", () => {
    const app = new FastAPI();
    const Item = z.object({ name: z.string(), price: z.number() });
    app.get("/items/{item_id}", {
      params: {
        item_id: Path(z.int()),
        q: Query(z.string().optional()),
        tags: z.array(z.string()).default([]),
        user_agent: Header(z.string().nullable().default(null)),
        session: Cookie(z.string().optional()),
        item: Item,
        importance: Body(z.int()),
        request: Request,
        response: Response,
      },
    }, async function read_item(args) {
      expectTypeOf(args.item_id).toEqualTypeOf<number>();
      expectTypeOf(args.q).toEqualTypeOf<string | undefined>();
      expectTypeOf(args.tags).toEqualTypeOf<string[]>();
      expectTypeOf(args.user_agent).toEqualTypeOf<string | null>();
      expectTypeOf(args.session).toEqualTypeOf<string | undefined>();
      expectTypeOf(args.item).toEqualTypeOf<{ name: string; price: number }>();
      expectTypeOf(args.importance).toEqualTypeOf<number>();
      expectTypeOf(args.request).toEqualTypeOf<Request>();
      expectTypeOf(args.response).toEqualTypeOf<Response>();
      // @ts-expect-error undeclared parameters do not exist
      void args.nope;
      return {};
    });
    app.post("/files/", {
      params: { file: File(), files: File({ list: true }), upload: UploadFile, up2: File({ upload: true, optional: true }), token: Form(z.string()) },
    }, async function create_file({ file, files, upload, up2, token }) {
      expectTypeOf(file).toEqualTypeOf<Uint8Array>();
      expectTypeOf(files).toEqualTypeOf<Uint8Array[]>();
      expectTypeOf(upload).toEqualTypeOf<UploadFile>();
      expectTypeOf(up2).toEqualTypeOf<UploadFile | undefined>();
      expectTypeOf(token).toEqualTypeOf<string>();
    });
    const common = dependency({ params: { q: Query(z.string().optional()), limit: z.int().default(100) } }, async function common_parameters(p) {
      expectTypeOf(p).toEqualTypeOf<{ q: string | undefined; limit: number }>();
      return p;
    });
    async function* get_db() {
      yield { connected: true as const };
    }
    const getUser = dependency({ params: { db: Depends(get_db) } }, function get_user({ db }) {
      expectTypeOf(db).toEqualTypeOf<{ connected: true }>();
      return "user";
    });
    app.get("/deps", { params: { commons: Depends(common), user: Depends(getUser), token: Depends(() => 42) } },
      async function deps({ commons, user, token }) {
        expectTypeOf(commons).toEqualTypeOf<{ q: string | undefined; limit: number }>();
        expectTypeOf(user).toEqualTypeOf<string>();
        expectTypeOf(token).toEqualTypeOf<number>();
      });
    const root = app.get("/", async function root() {
      return { message: "Hello World" };
    });
    expectTypeOf(root).returns.resolves.toEqualTypeOf<{ message: string }>();
  });
});
