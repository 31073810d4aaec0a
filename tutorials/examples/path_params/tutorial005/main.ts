import { FastAPI } from "fastapi-ts";
import { z } from "zod";

const ModelName = z.enum(["alexnet", "resnet", "lenet"]).meta({ id: "ModelName" });

export const app = new FastAPI();

app.get("/models/{model_name}", { params: { model_name: ModelName } }, async function get_model({ model_name }) {
  if (model_name === ModelName.enum.alexnet) {
    return { model_name, message: "Deep Learning FTW!" };
  }

  if (model_name === "lenet") {
    return { model_name, message: "LeCNN all the images" };
  }

  return { model_name, message: "Have some residuals" };
});
