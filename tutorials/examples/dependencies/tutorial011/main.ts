import { Depends, FastAPI, Query, type ParamValues } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

class FixedContentQueryChecker {
  readonly params = { q: Query(z.string().default("")) };
  readonly fixed_content: string;

  constructor(fixed_content: string) {
    this.fixed_content = fixed_content;
  }

  call({ q }: ParamValues<FixedContentQueryChecker["params"]>): boolean {
    if (q) {
      return q.includes(this.fixed_content);
    }
    return false;
  }
}

const checker = new FixedContentQueryChecker("bar");

app.get("/query-checker/", { params: { fixed_content_included: Depends(checker) } }, async function read_query_check(
  { fixed_content_included },
) {
  return { fixed_content_in_query: fixed_content_included };
});
