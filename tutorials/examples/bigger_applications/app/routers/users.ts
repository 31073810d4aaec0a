import { APIRouter } from "fastapi-ts";
import { z } from "zod";

export const router = new APIRouter();

router.get("/users/", { tags: ["users"] }, async function read_users() {
  return [{ username: "Rick" }, { username: "Morty" }];
});

router.get("/users/me", { tags: ["users"] }, async function read_user_me() {
  return { username: "fakecurrentuser" };
});

router.get("/users/{username}", {
  tags: ["users"],
  params: { username: z.string() },
}, async function read_user({ username }) {
  return { username };
});
