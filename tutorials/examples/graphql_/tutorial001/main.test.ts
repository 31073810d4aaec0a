import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("graphql_/tutorial001", () => {
  it("answers a GraphQL query posted to /graphql", async () => {
    const response = await client.post("/graphql", { json: { query: "{ user { name, age } }" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ data: { user: { name: "Patrick", age: 100 } } });
  });

  it("answers a query sent in the URL of a GET", async () => {
    const response = await client.get("/graphql", { params: { query: "{ user { name } }" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ data: { user: { name: "Patrick" } } });
  });

  it("reports a query that does not match the schema as a GraphQL error", async () => {
    const response = await client.post("/graphql", { json: { query: "{ user { email } }" } });
    // GraphQL over HTTP answers 200 to a client that accepts plain application/json, errors in the body.
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ errors: [{ message: 'Cannot query field "email" on type "User".' }] });
  });

  it("leaves the app's other paths and its OpenAPI to FastAPI", async () => {
    expect((await client.get("/openapi.json")).json()).toEqual({ openapi: "3.1.0", info: { title: "FastAPI", version: "0.1.0" }, paths: {} });
    expect((await client.get("/other")).status).toBe(404);
  });
});
