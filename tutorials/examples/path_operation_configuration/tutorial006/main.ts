import { FastAPI } from "fastapi-ts";

export const app = new FastAPI();

app.get("/items/", { tags: ["items"] }, async function read_items() {
  return [{ name: "Foo", price: 42 }];
});

app.get("/users/", { tags: ["users"] }, async function read_users() {
  return [{ username: "johndoe" }];
});

app.get("/elements/", { tags: ["items"], deprecated: true }, async function read_elements() {
  return [{ item_id: "Foo" }];
});
