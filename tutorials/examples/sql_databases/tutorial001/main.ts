import { Depends, FastAPI, HTTPException, Query } from "fastapi-ts";
import initSqlJs, { type Database, type SqlValue } from "sql.js";
import { z } from "zod";

const Hero = z.object({
  id: z.int().nullable().default(null),
  name: z.string(),
  age: z.int().nullable().default(null),
  secret_name: z.string(),
}).meta({ id: "Hero" });

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

app.post("/heroes/", { params: { hero: Hero, session: SessionDep }, responseModel: Hero },
  async function create_hero({ hero, session }) {
    // RETURNING * reads the row back as stored, with the id SQLite chose when none was given.
    return session.one(
      "INSERT INTO hero (id, name, age, secret_name) VALUES (?, ?, ?, ?) RETURNING *",
      [hero.id, hero.name, hero.age, hero.secret_name],
    );
  });

app.get("/heroes/", {
  params: {
    session: SessionDep,
    offset: z.int().default(0),
    limit: Query(z.int().lte(100).default(100)),
  },
  responseModel: z.array(Hero),
}, async function read_heroes({ session, offset, limit }) {
  return session.all("SELECT * FROM hero ORDER BY id LIMIT ? OFFSET ?", [limit, offset]);
});

app.get("/heroes/{hero_id}", { params: { hero_id: z.int(), session: SessionDep }, responseModel: Hero },
  async function read_hero({ hero_id, session }) {
    const hero = session.one("SELECT * FROM hero WHERE id = ?", [hero_id]);
    if (!hero) throw new HTTPException(404, { detail: "Hero not found" });
    return hero;
  });

app.delete("/heroes/{hero_id}", { params: { hero_id: z.int(), session: SessionDep } },
  async function delete_hero({ hero_id, session }) {
    const hero = session.one("SELECT * FROM hero WHERE id = ?", [hero_id]);
    if (!hero) throw new HTTPException(404, { detail: "Hero not found" });
    session.all("DELETE FROM hero WHERE id = ?", [hero_id]);
    return { ok: true };
  });
