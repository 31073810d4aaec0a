import { FastAPI, Form } from "fastapi-ts";
import { z } from "zod";

const FormData = z.strictObject({
  username: z.string(),
  password: z.string(),
}).meta({ id: "FormData" });

export const app = new FastAPI();

app.post("/login/", { params: { data: Form(FormData) } }, async function login({ data }) {
  return data;
});
