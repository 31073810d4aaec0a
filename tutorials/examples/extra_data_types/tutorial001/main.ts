import { Body, FastAPI, datetime, time, timedelta } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

app.put("/items/{item_id}", {
  params: {
    item_id: z.guid(),
    start_datetime: Body(datetime()),
    end_datetime: Body(datetime()),
    process_after: Body(timedelta()),
    repeat_at: Body(time().nullable().default(null)),
  },
}, async function read_items({ item_id, start_datetime, end_datetime, process_after, repeat_at }) {
  const start_process = start_datetime.add(process_after);
  const duration = end_datetime.since(start_process);
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
