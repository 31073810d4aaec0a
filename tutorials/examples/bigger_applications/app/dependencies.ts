import { dependency, Header, HTTPException } from "fastapi-ts";
import { z } from "zod";

export const get_token_header = dependency(
  { params: { x_token: Header(z.string()) } },
  async function get_token_header({ x_token }) {
    if (x_token !== "fake-super-secret-token") {
      throw new HTTPException(400, { detail: "X-Token header invalid" });
    }
  },
);

export const get_query_token = dependency(
  { params: { token: z.string() } },
  async function get_query_token({ token }) {
    if (token !== "jessica") {
      throw new HTTPException(400, { detail: "No Jessica token provided" });
    }
  },
);
