import { FastAPI, Form } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.post("/login/", { params: { username: Form(z.string()), password: Form(z.string()) } }, async function login({ username, password }) {
  return { username };
});
