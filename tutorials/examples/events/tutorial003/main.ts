import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export function fake_answer_to_everything_ml_model(x: number) {
  return x * 42;
}

export const ml_models: Record<string, (x: number) => number> = {};

async function* lifespan(app: FastAPI) {
  // Load the ML model
  ml_models["answer_to_everything"] = fake_answer_to_everything_ml_model;
  yield;
  // Clean up the ML models and release the resources
  for (const name of Object.keys(ml_models)) delete ml_models[name];
}

export const app = new FastAPI({ lifespan });

app.get("/predict", { params: { x: z.number() } }, async function predict({ x }) {
  const result = ml_models["answer_to_everything"]!(x);
  return { result };
});
