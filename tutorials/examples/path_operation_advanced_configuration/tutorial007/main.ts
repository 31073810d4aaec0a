import { FastAPI, HTTPException, modelJsonSchema, Request, validationErrors } from "fastapi-ts";
import { z } from "zod";
import { parseYaml, YAMLError } from "./yaml.ts";

const Item = z.object({
  name: z.string(),
  tags: z.array(z.string()),
}).meta({ id: "Item" });

export const app = new FastAPI();

app.post("/items/", {
  params: { request: Request },
  openapiExtra: {
    requestBody: {
      content: { "application/x-yaml": { schema: modelJsonSchema(Item) } },
      required: true,
    },
  },
}, async function create_item({ request }) {
  const rawBody = await request.text();
  let data: unknown;
  try {
    data = parseYaml(rawBody);
  } catch (e) {
    if (e instanceof YAMLError) throw new HTTPException(422, { detail: "Invalid YAML" });
    throw e;
  }
  const result = Item.safeParse(data);
  if (!result.success) {
    throw new HTTPException(422, { detail: validationErrors(Item, data, result.error) });
  }
  return result.data;
});
