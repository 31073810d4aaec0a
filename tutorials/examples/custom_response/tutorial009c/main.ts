import { FastAPI, Response, type ResponseBody } from "fastapi-ts";

class CustomJSONResponse extends Response {
  static override mediaType: string | null = "application/json";

  protected override render(content: unknown): ResponseBody {
    return JSON.stringify(content, null, 2);
  }
}

export const app = new FastAPI();

app.get("/", { responseClass: CustomJSONResponse }, async function main() {
  return { message: "Hello World" };
});
