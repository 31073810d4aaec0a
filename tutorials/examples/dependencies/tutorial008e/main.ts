import { Depends, FastAPI } from "fastapi-ts";

export const app = new FastAPI();

function* get_username() {
  try {
    yield "Rick";
  } finally {
    console.log("Cleanup up before response is sent");
  }
}

app.get("/users/me", { params: { username: Depends(get_username, { scope: "function" }) } }, function get_user_me(
  { username },
) {
  return username;
});
