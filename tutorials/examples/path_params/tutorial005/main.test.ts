import { describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import { app } from "./main.ts";

const client = new TestClient(app);

describe("path_params/tutorial005", () => {
  it("answers each predefined model name", async () => {
    const cases = [
      ["alexnet", "Deep Learning FTW!"],
      ["lenet", "LeCNN all the images"],
      ["resnet", "Have some residuals"],
    ] as const;
    for (const [model_name, message] of cases) {
      const response = await client.get(`/models/${model_name}`);
      expect(response.status).toBe(200);
      expect(response.json()).toEqual({ model_name, message });
    }
  });

  it("rejects any other value, listing the allowed ones", async () => {
    const response = await client.get("/models/foo");
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: "enum",
          loc: ["path", "model_name"],
          msg: "Input should be 'alexnet', 'resnet' or 'lenet'",
          input: "foo",
          ctx: { expected: "'alexnet', 'resnet' or 'lenet'" },
        },
      ],
    });
  });

  it("documents the enum as a named schema", async () => {
    const response = await client.get("/openapi.json");
    expect(response.status).toBe(200);
    const doc = response.json<{ paths: Record<string, { get: Record<string, unknown> }>; components: { schemas: Record<string, unknown> } }>();
    expect(doc.paths["/models/{model_name}"]!.get).toMatchObject({
      summary: "Get Model",
      operationId: "get_model_models__model_name__get",
      parameters: [{ required: true, schema: { $ref: "#/components/schemas/ModelName" }, name: "model_name", in: "path" }],
    });
    expect(doc.components.schemas.ModelName).toEqual({ type: "string", enum: ["alexnet", "resnet", "lenet"], title: "ModelName" });
  });
});
