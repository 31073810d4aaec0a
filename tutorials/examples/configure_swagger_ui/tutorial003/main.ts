import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI({ swaggerUiParameters: { deepLinking: false } });

app.get("/users/{username}", {
  params: { username: z.string() },
}, async function read_user({ username }) {
  return { message: `Hello ${username}` };
});
