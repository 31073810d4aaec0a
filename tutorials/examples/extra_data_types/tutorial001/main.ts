import { Body, FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.put("/items/{item_id}", {
  params: {
    item_id: z.uuid(),
    start_datetime: Body(z.date()),
    end_datetime: Body(z.date()),
    process_after: Body(z.number()),
    repeat_at: Body(z.iso.time().nullable().default(null)),
  },
}, async function read_items({ item_id, start_datetime, end_datetime, process_after, repeat_at }) {
  const start_process = new Date(start_datetime.getTime() + process_after * 1000);
  const duration = (end_datetime.getTime() - start_process.getTime()) / 1000;
  return {
    item_id,
    start_datetime,
    end_datetime,
    process_after,
    repeat_at,
    start_process,
    duration,
  };
});
