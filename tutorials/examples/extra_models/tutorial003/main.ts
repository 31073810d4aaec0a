import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const BaseItem = z.object({
  description: z.string(),
  type: z.string(),
});

const CarItem = BaseItem.extend({
  type: z.string().default("car"),
}).meta({ id: "CarItem" });

const PlaneItem = BaseItem.extend({
  type: z.string().default("plane"),
  size: z.int(),
}).meta({ id: "PlaneItem" });

const items: Record<string, Record<string, unknown>> = {
  item1: { description: "All my friends drive a low rider", type: "car" },
  item2: {
    description: "Music is my aeroplane, it's my aeroplane",
    type: "plane",
    size: 5,
  },
};

export const app = new FastAPI();

app.get("/items/{item_id}", { params: { item_id: z.string() }, responseModel: z.union([PlaneItem, CarItem]) },
  async function read_item({ item_id }) {
    return items[item_id];
  });
