import { FastAPI, getOpenAPI, type OpenAPIObject } from "fastapi-ts";

export const app = new FastAPI();

app.get("/items/", async function read_items() {
  return [{ name: "Foo" }];
});

function custom_openapi(): OpenAPIObject {
  // Built once, then served from the cache on every later request.
  if (app.openapiSchema) return app.openapiSchema;
  const openapiSchema = getOpenAPI({
    title: "Custom title",
    version: "2.5.0",
    summary: "This is a very custom OpenAPI schema",
    description: "Here's a longer description of the custom **OpenAPI** schema",
    routes: app.routes,
  });
  // ReDoc's extension for a logo above the navigation.
  openapiSchema.info["x-logo"] = {
    url: "https://fastapi.tiangolo.com/img/logo-margin/logo-teal.png",
  };
  app.openapiSchema = openapiSchema;
  return app.openapiSchema;
}

app.openapi = custom_openapi;
