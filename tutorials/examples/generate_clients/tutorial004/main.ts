import { FastAPI, type OpenAPIObject, type RouteInfo } from "fastapi-ts";
import { z } from "zod";

// "items-get_items" instead of "get_items_items__get": generated clients name their methods after this.
function custom_generate_unique_id(route: RouteInfo): string {
  return `${route.tags[0]}-${route.name}`;
}

export const app = new FastAPI({ generateUniqueIdFunction: custom_generate_unique_id });

const Item = z.object({
  name: z.string(),
  price: z.number(),
}).meta({ id: "Item" });

const ResponseMessage = z.object({
  message: z.string(),
}).meta({ id: "ResponseMessage" });

const User = z.object({
  username: z.string(),
  email: z.string(),
}).meta({ id: "User" });

app.post("/items/", {
  params: { item: Item },
  responseModel: ResponseMessage,
  tags: ["items"],
}, async function create_item() {
  return { message: "Item received" };
});

app.get("/items/", {
  responseModel: z.array(Item),
  tags: ["items"],
}, async function get_items() {
  return [
    { name: "Plumbus", price: 3 },
    { name: "Portal Gun", price: 9001 },
  ];
});

app.post("/users/", {
  params: { user: User },
  responseModel: ResponseMessage,
  tags: ["users"],
}, async function create_user() {
  return { message: "User received" };
});

// The preprocessing step a frontend project runs on the document before generating a client:
// drop each operation id's "<tag>-" prefix, since the client already groups methods by tag.
function removeTagPrefixes(openapi: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(openapi.paths)) {
    for (const operation of Object.values(pathItem) as { tags?: string[]; operationId?: string }[]) {
      const tag = operation.tags?.[0];
      if (tag && operation.operationId?.startsWith(`${tag}-`)) operation.operationId = operation.operationId.slice(tag.length + 1);
    }
  }
  return openapi;
}

// Here it is applied to the document the app serves, so the docs pane shows the result.
app.openapiSchema = removeTagPrefixes(app.openapi());
