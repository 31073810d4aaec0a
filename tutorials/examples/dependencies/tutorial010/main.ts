import { Depends, FastAPI } from "fastapi-ts";

// A stand-in for a database session: it records when it is opened and closed.
const events: string[] = [];
let opened = 0;

class DBSession {
  readonly id = ++opened;

  constructor() {
    events.push(`session ${this.id} opened`);
  }

  close(): void {
    events.push(`session ${this.id} closed`);
  }

  toString(): string {
    return `DBSession #${this.id}`;
  }
}

class MySuperContextManager {
  readonly db = new DBSession();

  [Symbol.dispose](): void {
    this.db.close();
  }
}

async function* get_db() {
  using manager = new MySuperContextManager();
  yield manager.db;
}

export const app = new FastAPI();

app.get("/", { params: { db: Depends(get_db) } }, async function read_root({ db }) {
  return { db: String(db) };
});

app.get("/log/", async function read_log() {
  return events;
});
