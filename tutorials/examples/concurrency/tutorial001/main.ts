import { FastAPI } from "fastapi-ts";

export const app = new FastAPI();

// What the kitchen did, in order: read it at GET /log to see how requests took turns.
export const log: string[] = [];

let orders = 0;

// Waiting for something outside the program (a database, another API, a timer): the process is free meanwhile.
function cook_burger(): Promise<string> {
  return new Promise((resolve) => setTimeout(() => resolve("burger"), 300));
}

// Work done by the process itself: the thread is busy until it finishes.
function cook_burger_blocking(): string {
  const until = Date.now() + 300;
  while (Date.now() < until) {
    // Busy: nothing else can run on this thread now.
  }
  return "burger";
}

app.get("/burgers", async function read_burgers() {
  const order = ++orders;
  log.push(`order ${order}: started`);
  const burger = await cook_burger();
  log.push(`order ${order}: served`);
  return { order, burger };
});

app.get("/burgers-blocking", function read_burgers_blocking() {
  const order = ++orders;
  log.push(`order ${order}: started`);
  const burger = cook_burger_blocking();
  log.push(`order ${order}: served`);
  return { order, burger };
});

app.get("/log", function read_log() {
  return log;
});
