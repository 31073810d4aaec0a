// Choosing the executor: the WebContainer only where the page is isolated and boot answers in time.
import { describe, expect, it } from "vitest";
import { fallbackNotice, NOT_ISOLATED, probeWebContainer } from "./choose.ts";
import { FakeWebContainer } from "./testing/fake-webcontainer.ts";

describe("probeWebContainer", () => {
  it("does not try to boot on a page that is not cross-origin isolated", async () => {
    let booted = false;
    const result = await probeWebContainer({ isolated: false, boot: async () => ((booted = true), FakeWebContainer.boot()) });
    expect(result).toEqual({ available: false, reason: NOT_ISOLATED });
    expect(booted).toBe(false);
  });

  it("offers a container that boots", async () => {
    const result = await probeWebContainer({ isolated: true, boot: () => FakeWebContainer.boot() });
    expect(result.available).toBe(true);
    if (result.available) result.container.teardown();
  });

  it("gives boot's error as the reason", async () => {
    const result = await probeWebContainer({ isolated: true, boot: () => Promise.reject(new Error("Unable to create more instances")) });
    expect(result).toEqual({ available: false, reason: "WebContainer could not boot: Unable to create more instances" });
  });

  it("gives up on a boot that does not answer in time, and tears it down when it answers late", async () => {
    let tornDown = false;
    const late = new Promise<FakeWebContainer>((resolve) => setTimeout(async () => {
      const container = await FakeWebContainer.boot();
      const teardown = container.teardown.bind(container);
      container.teardown = () => ((tornDown = true), teardown());
      resolve(container);
    }, 300));
    const result = await probeWebContainer({ isolated: true, boot: () => late, timeoutMs: 50 });
    expect(result).toEqual({ available: false, reason: "WebContainer could not boot: no answer within 0.05 s" });
    await late;
    await expect.poll(() => tornDown).toBe(true);
  });
});

describe("fallbackNotice", () => {
  it("names the executor asked for, why it is unavailable, and what runs instead", () => {
    expect(fallbackNotice(NOT_ISOLATED)).toBe("This link asks to run in a WebContainer, which is unavailable here (this page is not cross-origin isolated), so it runs in a Web Worker.");
  });
});
