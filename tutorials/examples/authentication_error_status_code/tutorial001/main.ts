import { Depends, FastAPI, HTTPBearer, HTTPException, status } from "fastapi-ts";

export const app = new FastAPI();

class HTTPBearer403 extends HTTPBearer {
  override makeNotAuthenticatedError(): HTTPException {
    return new HTTPException(status.HTTP_403_FORBIDDEN, { detail: "Not authenticated" });
  }
}

const CredentialsDep = Depends(new HTTPBearer403());

app.get("/me", { params: { credentials: CredentialsDep } }, function read_me({ credentials }) {
  return { message: "You are authenticated", token: credentials.credentials };
});
