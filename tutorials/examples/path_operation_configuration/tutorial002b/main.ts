import { FastAPI } from "fastapi-ts";

const Tags = {
  items: "items",
  users: "users",
} as const;

export const app = new FastAPI();

app.get("/items/", { tags: [Tags.items] }, async function get_items() {
  return ["Portal gun", "Plumbus"];
});

app.get("/users/", { tags: [Tags.users] }, async function read_users() {
  return ["Rick", "Morty"];
});
