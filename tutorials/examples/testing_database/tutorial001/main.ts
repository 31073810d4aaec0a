import { Depends, FastAPI, HTTPException, Query } from "fastapi-ts";
import initSqlJs, { type Database, type SqlValue } from "sql.js";
import { z } from "zod";

// The fields every shape of a hero shares.
const HeroBase = z.object({
  name: z.string(),
  age: z.int().nullable().default(null),
});

// What the table stores: the id comes from the database, and the secret name never leaves the server.
const Hero = HeroBase.extend({
  id: z.int().nullable().default(null),
  secret_name: z.string(),
}).meta({ id: "Hero" });

// What clients read: the id is always there, the secret name is not.
const HeroPublic = HeroBase.extend({
  id: z.int(),
}).meta({ id: "HeroPublic" });

// What clients send to create a hero: no id, since the database chooses it.
const HeroCreate = HeroBase.extend({
  secret_name: z.string(),
}).meta({ id: "HeroCreate" });

// What clients send to change a hero: every field optional, and a field left out stays out of the value.
const HeroUpdate = z.object({
  name: z.string().nullable().optional(),
  age: z.int().nullable().optional(),
  secret_name: z.string().nullable().optional(),
}).meta({ id: "HeroUpdate" });

// SQLite, compiled to WebAssembly: the same database engine in Node and in your browser.
const SQL = await initSqlJs();

// One database for the whole app. It lives in memory: it starts empty each time the app starts.
export const engine = new SQL.Database();

export function create_db_and_tables(db: Database = engine): void {
  db.run(`
    CREATE TABLE IF NOT EXISTS hero (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      age INTEGER,
      secret_name TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ix_hero_name ON hero (name);
    CREATE INDEX IF NOT EXISTS ix_hero_age ON hero (age);
  `);
}

/**
 * One request's way into the database: it runs SQL through prepared statements. A statement holds
 * WebAssembly memory until it is freed, so the session frees its statements when it is closed.
 */
export class Session {
  readonly #db: Database;
  readonly #statements = new Map<string, ReturnType<Database["prepare"]>>();

  constructor(db: Database) {
    this.#db = db;
  }

  /** Runs `sql` with the values for its `?` placeholders and returns the rows it yields. */
  all(sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    statement.bind(params);
    const rows: Record<string, SqlValue>[] = [];
    while (statement.step()) rows.push(statement.getAsObject());
    statement.reset();
    return rows;
  }

  /** The first row `sql` yields, if any. */
  one(sql: string, params: SqlValue[] = []): Record<string, SqlValue> | undefined {
    return this.all(sql, params)[0];
  }

  close(): void {
    for (const statement of this.#statements.values()) statement.free();
    this.#statements.clear();
  }
}

export async function* get_session() {
  const session = new Session(engine);
  try {
    yield session;
  } finally {
    session.close();
  }
}

const SessionDep = Depends(get_session);

async function* lifespan(app: FastAPI) {
  create_db_and_tables();
  yield;
}

export const app = new FastAPI({ lifespan });

app.post("/heroes/", { params: { hero: HeroCreate, session: SessionDep }, responseModel: HeroPublic },
  async function create_hero({ hero, session }) {
    const db_hero = Hero.parse(hero);
    return session.one(
      "INSERT INTO hero (name, age, secret_name) VALUES (?, ?, ?) RETURNING *",
      [db_hero.name, db_hero.age, db_hero.secret_name],
    );
  });

app.get("/heroes/", {
  params: {
    session: SessionDep,
    offset: z.int().default(0),
    limit: Query(z.int().lte(100).default(100)),
  },
  responseModel: z.array(HeroPublic),
}, async function read_heroes({ session, offset, limit }) {
  return session.all("SELECT * FROM hero ORDER BY id LIMIT ? OFFSET ?", [limit, offset]);
});

app.get("/heroes/{hero_id}", { params: { hero_id: z.int(), session: SessionDep }, responseModel: HeroPublic },
  async function read_hero({ hero_id, session }) {
    const hero = session.one("SELECT * FROM hero WHERE id = ?", [hero_id]);
    if (!hero) throw new HTTPException(404, { detail: "Hero not found" });
    return hero;
  });

app.patch("/heroes/{hero_id}", { params: { hero_id: z.int(), hero: HeroUpdate, session: SessionDep }, responseModel: HeroPublic },
  async function update_hero({ hero_id, hero, session }) {
    const hero_db = session.one("SELECT * FROM hero WHERE id = ?", [hero_id]);
    if (!hero_db) throw new HTTPException(404, { detail: "Hero not found" });
    // Only the fields the client sent: `{"age": null}` clears the age, leaving it out keeps it.
    const hero_data = Hero.parse({ ...hero_db, ...hero });
    return session.one(
      "UPDATE hero SET name = ?, age = ?, secret_name = ? WHERE id = ? RETURNING *",
      [hero_data.name, hero_data.age, hero_data.secret_name, hero_id],
    );
  });

app.delete("/heroes/{hero_id}", { params: { hero_id: z.int(), session: SessionDep } },
  async function delete_hero({ hero_id, session }) {
    const hero = session.one("SELECT * FROM hero WHERE id = ?", [hero_id]);
    if (!hero) throw new HTTPException(404, { detail: "Hero not found" });
    session.all("DELETE FROM hero WHERE id = ?", [hero_id]);
    return { ok: true };
  });
