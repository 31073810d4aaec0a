import { Depends, FastAPI, type ParamValues } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

const fake_items_db = [{ item_name: "Foo" }, { item_name: "Bar" }, { item_name: "Baz" }];

class CommonQueryParams {
  static params = {
    q: z.string().nullable().default(null),
    skip: z.int().default(0),
    limit: z.int().default(100),
  };

  q: string | null;
  skip: number;
  limit: number;

  constructor({ q, skip, limit }: ParamValues<typeof CommonQueryParams.params>) {
    this.q = q;
    this.skip = skip;
    this.limit = limit;
  }
}

app.get("/items/", { params: { commons: Depends(CommonQueryParams) } }, async function read_items(
  { commons }: { commons: CommonQueryParams },
) {
  const response: Record<string, unknown> = {};
  if (commons.q) {
    response.q = commons.q;
  }
  const items = fake_items_db.slice(commons.skip, commons.skip + commons.limit);
  response.items = items;
  return response;
});
