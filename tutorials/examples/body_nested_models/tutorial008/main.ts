import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const Image = z.object({
  url: z.url({ protocol: /^https?$/ }).min(1).max(2083),
  name: z.string(),
}).meta({ id: "Image" });

export const app = new FastAPI();

app.post("/images/multiple/", { params: { images: z.array(Image) } }, async function create_multiple_images({ images }) {
  return images;
});
