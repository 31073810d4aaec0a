import { FastAPI, RedirectResponse, Response } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.get("/portal", { params: { teleport: z.boolean().default(false) } },
  async function get_portal({ teleport }): Promise<Response | Record<string, string>> {
    if (teleport) {
      return new RedirectResponse("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    }
    return { message: "Here's your interdimensional portal." };
  });
