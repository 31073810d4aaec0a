// JSON Schemas as FastAPI 0.142 / pydantic 2.13 write them, for the zod types that stand for the same Python types.
// Every expected value here is what the real FastAPI documents for the equivalent model (differential runs).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Body, FastAPI, Query, datetime } from "../src/index.ts";

type Doc = { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, any> } };
const docOf = (app: FastAPI) => app.openapi() as unknown as Doc;
const ref = (name: string) => `#/components/schemas/${name}`;

const Cat = z.object({ kind: z.literal("cat"), lives: z.int().default(9) }).meta({ id: "Cat" });
const Dog = z.object({ kind: z.literal(["dog", "puppy"]), good: z.boolean().default(true) }).meta({ id: "Dog" });
const Pet = z.discriminatedUnion("kind", [Cat, Dog]);
const petMapping = { cat: ref("Cat"), dog: ref("Dog"), puppy: ref("Dog") };
const petSchema = { oneOf: [{ $ref: ref("Cat") }, { $ref: ref("Dog") }], discriminator: { propertyName: "kind", mapping: petMapping } };

/** The schema of one field of a model that is the body of `POST /`. */
function field(shape: Record<string, z.ZodType>, name: string): unknown {
  const app = new FastAPI();
  app.post("/", { params: { m: z.object(shape).meta({ id: "M" }) } }, function h() { return null; });
  return docOf(app).components.schemas.M.properties[name];
}

describe("discriminated unions (pydantic's Field(discriminator=...))", () => {
  it("document oneOf with an OpenAPI discriminator mapping every value, sorted, to its member's $ref", () => {
    expect(field({ pet: Pet }, "pet")).toEqual({ ...petSchema, title: "Pet" });
    expect(Object.keys((field({ pet: Pet }, "pet") as typeof petSchema).discriminator.mapping)).toEqual(["cat", "dog", "puppy"]);
  });

  it("keep the discriminator inside the anyOf of a nullable, beside a default, and in list items", () => {
    expect(field({ pet: Pet.nullable().default(null) }, "pet")).toEqual({ anyOf: [petSchema, { type: "null" }], title: "Pet" });
    expect(field({ pet: Pet.default({ kind: "cat", lives: 9 }) }, "pet")).toEqual({ ...petSchema, title: "Pet", default: { kind: "cat", lives: 9 } });
    expect(field({ pets: z.array(Pet).default([]) }, "pets")).toEqual({ type: "array", items: petSchema, title: "Pets", default: [] });
  });

  it("document a whole body and a response model, titled as FastAPI titles them", () => {
    const app = new FastAPI();
    app.post("/p", { params: { p: Pet }, responseModel: Pet }, function p({ p }) { return p; });
    const op = docOf(app).paths["/p"]!.post;
    expect(op.requestBody.content["application/json"].schema).toEqual({ ...petSchema, title: "P" });
    expect(op.responses["200"].content["application/json"].schema).toEqual({ ...petSchema, title: "Response P P Post" });
  });

  it("flatten a nested discriminated union on the same key, and map numbers by their text", () => {
    const Liz = z.object({ kind: z.literal("liz") }).meta({ id: "Liz" });
    expect(field({ pet: z.discriminatedUnion("kind", [Cat, z.discriminatedUnion("kind", [Dog, Liz])]) }, "pet")).toEqual({
      oneOf: [{ $ref: ref("Cat") }, { $ref: ref("Dog") }, { $ref: ref("Liz") }],
      discriminator: { propertyName: "kind", mapping: { ...petMapping, liz: ref("Liz") } },
      title: "Pet",
    });
    const NA = z.object({ n: z.literal(1) }).meta({ id: "NA" });
    const NB = z.object({ n: z.literal(2) }).meta({ id: "NB" });
    expect((field({ u: z.discriminatedUnion("n", [NA, NB]) }, "u") as typeof petSchema).discriminator).toEqual({
      propertyName: "n", mapping: { 1: ref("NA"), 2: ref("NB") },
    });
  });

  it("name a union component without a title (pydantic's TypeAliasType), as models and enums have theirs", () => {
    const Color = z.enum(["red", "green"]).meta({ id: "Color" });
    const app = new FastAPI();
    const NamedPet = z.discriminatedUnion("kind", [Cat, Dog]).meta({ id: "Pet" });
    const Num = z.union([z.int(), z.string()]).meta({ id: "Num" });
    app.post("/", { params: { o: z.object({ pet: NamedPet, n: Num.nullable().default(null), c: Color }).meta({ id: "O" }) } }, function h() { return null; });
    const schemas = docOf(app).components.schemas;
    expect(schemas.Pet).toEqual(petSchema);
    expect(schemas.Num).toEqual({ anyOf: [{ type: "integer" }, { type: "string" }] });
    expect(schemas.Color).toEqual({ type: "string", enum: ["red", "green"], title: "Color" });
    expect(schemas.O.title).toBe("O");
  });

  it("name only the property when no member is a named model (there is no $ref to map to)", () => {
    const u = z.discriminatedUnion("t", [z.object({ t: z.literal("a") }), z.object({ t: z.literal("b") })]);
    expect((field({ u }, "u") as typeof petSchema).discriminator).toEqual({ propertyName: "t" });
  });

  it("map to the -Input / -Output component of a member split by direction", () => {
    interface DogT { kind: "dog"; friends: DogT[] }
    const RDog: z.ZodType<DogT> = z.object({ kind: z.literal("dog"), get friends() { return z.array(RDog).default([]); } }).meta({ id: "Dog" }) as never;
    const Owner = z.object({ pet: z.discriminatedUnion("kind", [Cat.pick({ kind: true }).meta({ id: "Cat" }), RDog as never]) }).meta({ id: "Owner" });
    const app = new FastAPI();
    app.post("/p", { params: { o: Owner }, responseModel: Owner }, function p({ o }) { return o; });
    const schemas = docOf(app).components.schemas;
    expect(Object.keys(schemas)).toEqual(["Cat", "Dog-Input", "Dog-Output", "HTTPValidationError", "Owner-Input", "Owner-Output", "ValidationError"]);
    for (const side of ["Input", "Output"]) {
      expect(schemas[`Owner-${side}`].properties.pet).toEqual({
        oneOf: [{ $ref: ref("Cat") }, { $ref: ref(`Dog-${side}`) }],
        discriminator: { propertyName: "kind", mapping: { cat: ref("Cat"), dog: ref(`Dog-${side}`) } },
        title: "Pet",
      });
    }
  });
});

describe("-Input / -Output split as pydantic decides it", () => {
  interface NodeT { name: string; children: NodeT[] }
  const Node: z.ZodType<NodeT> = z.object({ name: z.string(), get children() { return z.array(Node).default([]); } }).meta({ id: "Node" }) as never;

  it("splits a recursive model used in both directions, though its two schemas read alike", () => {
    const app = new FastAPI();
    app.post("/n", { params: { n: Node }, responseModel: Node }, function n({ n }) { return n; });
    const schemas = docOf(app).components.schemas;
    expect(schemas["Node-Input"]).toEqual({
      type: "object", title: "Node", required: ["name"],
      properties: { name: { type: "string", title: "Name" }, children: { type: "array", items: { $ref: ref("Node-Input") }, default: [], title: "Children" } },
    });
    expect(schemas["Node-Output"].properties.children.items).toEqual({ $ref: ref("Node-Output") });
    expect(schemas.Node).toBeUndefined();
  });

  it("splits a model that references a split one, and merges one that references merged models", () => {
    const Holder = z.object({ node: Node }).meta({ id: "Holder" });
    const Plain = z.object({ x: z.int() }).meta({ id: "Plain" });
    const RefsPlain = z.object({ p: Plain }).meta({ id: "RefsPlain" });
    const app = new FastAPI();
    app.post("/h", { params: { h: Holder }, responseModel: Holder }, function h({ h }) { return h; });
    app.post("/r", { params: { r: RefsPlain }, responseModel: RefsPlain }, function r({ r }) { return r; });
    expect(Object.keys(docOf(app).components.schemas)).toEqual([
      "HTTPValidationError", "Holder-Input", "Holder-Output", "Node-Input", "Node-Output", "Plain", "RefsPlain", "ValidationError",
    ]);
  });

  it("does not split a recursive model seen in one direction only", () => {
    const app = new FastAPI();
    app.post("/n", { params: { n: Node } }, function n() { return null; });
    expect(Object.keys(docOf(app).components.schemas)).toContain("Node");
  });
});

describe("scalar formats and bounds", () => {
  it("documents a datetime that may be naive (z.iso.datetime({ local: true })) as date-time, without zod's pattern", () => {
    expect(field({ a: z.iso.datetime({ local: true }) }, "a")).toEqual({ type: "string", format: "date-time", title: "A" });
    expect(field({ a: z.iso.datetime({ local: true, offset: true }).nullable().default(null) }, "a"))
      .toEqual({ anyOf: [{ type: "string", format: "date-time" }, { type: "null" }], title: "A" });
  });

  it("documents AnyUrl (z.url()) with minLength 1 and HttpUrl (z.httpUrl()) with maxLength 2083 too", () => {
    expect(field({ u: z.url() }, "u")).toEqual({ type: "string", format: "uri", minLength: 1, title: "U" });
    expect(field({ u: z.httpUrl() }, "u")).toEqual({ type: "string", format: "uri", minLength: 1, maxLength: 2083, title: "U" });
  });

  it("bounds a set's size with minItems / maxItems", () => {
    expect(field({ s: z.set(z.string()).min(1).max(4) }, "s")).toEqual({ type: "array", uniqueItems: true, items: { type: "string" }, minItems: 1, maxItems: 4, title: "S" });
  });

  it("documents a fixed tuple by its prefixItems and length (no items: false)", () => {
    expect(field({ t: z.tuple([z.int(), z.string()]) }, "t")).toEqual({ type: "array", prefixItems: [{ type: "integer" }, { type: "string" }], minItems: 2, maxItems: 2, title: "T" });
  });
});

describe("dicts, unions and objects", () => {
  it("documents dict values as pydantic does: any value is `true`, a key pattern gives patternProperties", () => {
    expect(field({ d: z.record(z.string(), z.any()) }, "d")).toEqual({ type: "object", additionalProperties: true, title: "D" });
    expect(field({ d: z.record(z.string(), z.int()) }, "d")).toEqual({ type: "object", additionalProperties: { type: "integer" }, title: "D" });
    expect(field({ d: z.record(z.int(), z.string()) }, "d")).toEqual({ type: "object", additionalProperties: { type: "string" }, title: "D" });
    expect(field({ d: z.record(z.string().regex(/^a/), z.int()) }, "d")).toEqual({ type: "object", patternProperties: { "^a": { type: "integer" } }, title: "D" });
  });

  it("documents constrained and named keys in propertyNames, without the string type", () => {
    const Color = z.enum(["red", "green"]).meta({ id: "Color" });
    expect(field({ d: z.partialRecord(z.literal(["a", "b"]), z.int()) }, "d")).toEqual({ type: "object", propertyNames: { enum: ["a", "b"] }, additionalProperties: { type: "integer" }, title: "D" });
    expect(field({ d: z.partialRecord(Color, z.int()) }, "d")).toEqual({ type: "object", propertyNames: { $ref: ref("Color") }, additionalProperties: { type: "integer" }, title: "D" });
  });

  it("documents Literal[None] (z.literal(null)) as the null type alone", () => {
    expect(field({ n: z.literal(null).default(null) }, "n")).toEqual({ type: "null", title: "N" });
  });

  it("flattens a nullable union into one anyOf", () => {
    expect(field({ u: z.union([z.int(), z.string()]).nullable() }, "u")).toEqual({ anyOf: [{ type: "integer" }, { type: "string" }, { type: "null" }], title: "U" });
  });

  it('documents extra="allow" (z.looseObject) as additionalProperties: true', () => {
    const app = new FastAPI();
    app.post("/", { params: { m: z.looseObject({ a: z.int() }).meta({ id: "Loose" }) } }, function h() { return null; });
    expect(docOf(app).components.schemas.Loose).toEqual({ type: "object", properties: { a: { type: "integer", title: "A" } }, required: ["a"], additionalProperties: true, title: "Loose" });
  });
});

describe("titles from names, as Python's str.title()", () => {
  it("leaves a nullable model in a combined body untitled, as a pydantic model field, but titles it as the whole body", () => {
    const Address = z.object({ street: z.string() }).meta({ id: "Address" });
    const app = new FastAPI();
    app.post("/b", { params: { y: Body(Address.nullable().default(null), { description: "addr" }), z: Body(z.int().default(1)) } }, function b() { return null; });
    app.post("/t", { params: { y: Body(Address.nullable().default(null), { title: "TT" }), z: Body(z.int().default(1)) } }, function t() { return null; });
    app.post("/a", { params: { y: Body(Address.nullable().default(null)) } }, function a() { return null; });
    const doc = docOf(app);
    expect(doc.components.schemas.Body_b_b_post.properties.y).toEqual({ anyOf: [{ $ref: ref("Address") }, { type: "null" }], description: "addr" });
    expect(doc.components.schemas.Body_t_t_post.properties.y).toEqual({ anyOf: [{ $ref: ref("Address") }, { type: "null" }], title: "TT" });
    expect(doc.paths["/a"]!.post.requestBody.content["application/json"].schema).toEqual({ anyOf: [{ $ref: ref("Address") }, { type: "null" }], title: "Y" });
  });

  it("titles fields, parameters and responses without splitting camelCase", () => {
    expect(field({ someField: z.int() }, "someField")).toEqual({ type: "integer", title: "Somefield" });
    expect(field({ user_ID: z.int() }, "user_ID")).toEqual({ type: "integer", title: "User Id" });
    expect(field({ x2y: z.int() }, "x2y")).toEqual({ type: "integer", title: "X2Y" });
    const app = new FastAPI();
    app.get("/{when}", { params: { when: datetime(), pageSize: Query(z.int()) }, responseModel: z.int() }, function getIt() { return 1; });
    const op = docOf(app).paths["/{when}"]!.get;
    expect(op.parameters[1].schema.title).toBe("Pagesize");
    expect(op.responses["200"].content["application/json"].schema.title).toBe("Response Getit  When  Get");
  });
});
