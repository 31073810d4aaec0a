import { FastAPI } from "fastapi-ts";

export const app = new FastAPI();

app.get("/users", async function read_users() {
  return ["Rick", "Morty"];
});

app.get("/users", async function read_users2() {
  return ["Bean", "Elfo"];
});
