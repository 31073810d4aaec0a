import { FastAPI } from "../src/index.ts";
import { serve } from "../src/node/index.ts";
import { z } from "zod";
const Node: z.ZodType<any> = z.lazy(() => z.object({ name: z.string(), child: Node.optional() })).meta({ id: "Node" });
const Item = z.object({ tags: z.array(z.string()) });
const app = new FastAPI();
app.post("/n", { params: { n: Node } }, async function n({ n }) { return { ok: true }; });
app.post("/i", { params: { i: Item } }, async function i({ i }) { return { ok: true }; });
const s = await serve(app, { port: 0 });
for (const depth of [100, 300, 3000, 100000]) {
  let body = '{"name":1}';
  for (let i = 0; i < depth; i++) body = `{"name":"x","child":${body}}`;
  const r = await fetch(s.url + "/n", { method: "POST", body, headers: { "content-type": "application/json" } });
  const t = await r.text();
  console.log("lazy", depth, r.status, t.slice(0, 60), t.length);
  let arr = "1"; for (let i = 0; i < depth; i++) arr = `[${arr}]`;
  const r2 = await fetch(s.url + "/i", { method: "POST", body: `{"tags":${arr}}`, headers: { "content-type": "application/json" } });
  const t2 = await r2.text();
  console.log("arr", depth, r2.status, t2.slice(0, 90), t2.length);
}
await s.close();
