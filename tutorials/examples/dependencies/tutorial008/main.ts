import { Depends, FastAPI, dependency } from "fastapi-ts";

// Stand-ins for resources (a connection, a session, a transaction): each records its creation and closing.
const events: string[] = [];

class Resource {
  readonly name: string;

  constructor(name: string) {
    this.name = name;
    events.push(`${name} created`);
  }

  close(dependsOn?: Resource): void {
    events.push(dependsOn ? `${this.name} closed (${dependsOn.name} still open)` : `${this.name} closed`);
  }

  toString(): string {
    return this.name;
  }
}

const generate_dep_a = () => new Resource("dep_a");
const generate_dep_b = () => new Resource("dep_b");
const generate_dep_c = () => new Resource("dep_c");

async function* dependency_a() {
  const dep_a = generate_dep_a();
  try {
    yield dep_a;
  } finally {
    dep_a.close();
  }
}

const dependency_b = dependency({ params: { dep_a: Depends(dependency_a) } }, async function* dependency_b({ dep_a }) {
  const dep_b = generate_dep_b();
  try {
    yield dep_b;
  } finally {
    dep_b.close(dep_a);
  }
});

const dependency_c = dependency({ params: { dep_b: Depends(dependency_b) } }, async function* dependency_c({ dep_b }) {
  const dep_c = generate_dep_c();
  try {
    yield dep_c;
  } finally {
    dep_c.close(dep_b);
  }
});

export const app = new FastAPI();

app.get("/", { params: { c: Depends(dependency_c) } }, async function read_root({ c }) {
  return { c: String(c) };
});

app.get("/log/", async function read_log() {
  return events;
});
