import { afterEach, beforeEach, describe, it, expect } from "vitest";
import { TestClient } from "fastapi-ts";
import initSqlJs, { type Database } from "sql.js";
import { app, create_db_and_tables, get_session, Session } from "./main.ts";

const SQL = await initSqlJs();
const client = new TestClient(app);

// Each test gets a database of its own, in memory, with the app's tables and nothing else.
let db: Database;

async function* get_session_override() {
  const session = new Session(db);
  try {
    yield session;
  } finally {
    session.close();
  }
}

/** Adds a hero straight to the test database, the way a test prepares what a request will find. */
function add_hero(name: string, secret_name: string, age: number | null = null): number {
  const [result] = db.exec("INSERT INTO hero (name, secret_name, age) VALUES (?, ?, ?) RETURNING id", [name, secret_name, age]);
  return Number(result!.values[0]![0]);
}

describe("testing_database/tutorial001", () => {
  beforeEach(() => {
    db = new SQL.Database();
    create_db_and_tables(db);
    app.dependencyOverrides.set(get_session, get_session_override);
  });

  afterEach(() => {
    app.dependencyOverrides.clear();
    db.close();
  });

  it("creates a hero in the test database", async () => {
    const response = await client.post("/heroes/", { json: { name: "Deadpond", secret_name: "Dive Wilson" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Deadpond", age: null, id: expect.any(Number) });
    // The row is in the database this test made, not in the app's own.
    expect(db.exec("SELECT name, secret_name FROM hero")[0]!.values).toEqual([["Deadpond", "Dive Wilson"]]);
  });

  it("answers 422 to a hero without a secret name", async () => {
    const response = await client.post("/heroes/", { json: { name: "Deadpond" } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ type: "missing", loc: ["body", "secret_name"], msg: "Field required", input: { name: "Deadpond" } }],
    });
  });

  it("answers 422 to a secret name that is not a string", async () => {
    const response = await client.post("/heroes/", { json: { name: "Deadpond", secret_name: { message: "Do you wanna know my secret identity?" } } });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [{
        type: "string_type",
        loc: ["body", "secret_name"],
        msg: "Input should be a valid string",
        input: { message: "Do you wanna know my secret identity?" },
      }],
    });
  });

  it("reads the heroes the test put in the database", async () => {
    const deadpond = add_hero("Deadpond", "Dive Wilson");
    const rusty = add_hero("Rusty-Man", "Tommy Sharp", 48);
    const response = await client.get("/heroes/");
    expect(response.status).toBe(200);
    expect(response.json()).toEqual([
      { name: "Deadpond", age: null, id: deadpond },
      { name: "Rusty-Man", age: 48, id: rusty },
    ]);
  });

  it("reads one hero", async () => {
    const id = add_hero("Deadpond", "Dive Wilson");
    const response = await client.get(`/heroes/${id}`);
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Deadpond", age: null, id });
  });

  it("updates only the fields sent", async () => {
    const id = add_hero("Deadpond", "Dive Wilson");
    const response = await client.patch(`/heroes/${id}`, { json: { name: "Deadpuddle" } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ name: "Deadpuddle", age: null, id });
    expect(db.exec("SELECT name, secret_name FROM hero")[0]!.values).toEqual([["Deadpuddle", "Dive Wilson"]]);
  });

  it("deletes a hero", async () => {
    const id = add_hero("Deadpond", "Dive Wilson");
    const response = await client.delete(`/heroes/${id}`);
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    expect(db.exec("SELECT * FROM hero")).toEqual([]);
  });

  it("starts every test from an empty database", async () => {
    const response = await client.get("/heroes/");
    expect(response.json()).toEqual([]);
  });
});
