import { describe, expect, it } from "vitest";
import { requestToWire, responseToWire, wireToRequest, wireToResponse } from "./http.ts";

describe("the request bridge", () => {
  it("carries method, URL, headers and body across a structured clone", async () => {
    const original = new Request("http://app/items/?q=1", { method: "POST", headers: { "content-type": "application/json", "x-token": "a" }, body: '{"name":"Foo"}' });
    const wire = structuredClone(await requestToWire(original));
    const back = wireToRequest(wire);
    expect(back.method).toBe("POST");
    expect(back.url).toBe("http://app/items/?q=1");
    expect(back.headers.get("x-token")).toBe("a");
    expect(await back.json()).toEqual({ name: "Foo" });
  });

  it("sends no body for GET", async () => {
    expect((await requestToWire(new Request("http://app/"))).body).toBeNull();
  });

  it("carries status, headers and body of a response, and no body where HTTP forbids one", async () => {
    const wire = structuredClone(await responseToWire(new Response('{"detail":"Not Found"}', { status: 404, headers: { "content-type": "application/json" } })));
    const back = wireToResponse(wire);
    expect(back.status).toBe(404);
    expect(back.headers.get("content-type")).toBe("application/json");
    expect(await back.json()).toEqual({ detail: "Not Found" });
    expect(wireToResponse({ status: 204, statusText: "", headers: [], body: new ArrayBuffer(0) }).body).toBeNull();
  });
});
