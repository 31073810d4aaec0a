import { z } from "zod";

export const Settings = z.object({
  app_name: z.string().default("Awesome API"),
  admin_email: z.string(),
  items_per_user: z.int().default(50),
});
