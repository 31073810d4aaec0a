import { Depends, FastAPI, Header, HTTPException, dependency } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

const verify_token = dependency({ params: { x_token: Header(z.string()) } }, async function verify_token({ x_token }) {
  if (x_token !== "fake-super-secret-token") {
    throw new HTTPException(400, { detail: "X-Token header invalid" });
  }
  return x_token;
});

const verify_key = dependency({ params: { x_key: Header(z.string()) } }, async function verify_key({ x_key }) {
  if (x_key !== "fake-super-secret-key") {
    throw new HTTPException(400, { detail: "X-Key header invalid" });
  }
  return x_key;
});

app.get("/items/", { dependencies: [Depends(verify_token), Depends(verify_key)] }, async function read_items() {
  return [{ item: "Foo" }, { item: "Bar" }];
});
