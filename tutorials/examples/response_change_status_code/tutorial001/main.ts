import { FastAPI, Response, status } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

const tasks: Record<string, string> = { foo: "Listen to the Bar Fighters" };

app.put("/get-or-create-task/{task_id}", {
  params: { task_id: z.string(), response: Response },
  statusCode: 200,
}, function get_or_create_task({ task_id, response }) {
  if (!(task_id in tasks)) {
    tasks[task_id] = "This didn't exist before";
    response.statusCode = status.HTTP_201_CREATED;
  }
  return tasks[task_id];
});
