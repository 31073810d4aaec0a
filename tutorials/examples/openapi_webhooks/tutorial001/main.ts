import { FastAPI } from "fastapi-ts";
import { z } from "zod";

export const app = new FastAPI();

const Subscription = z.object({
  username: z.string(),
  monthly_fee: z.number(),
  start_date: z.date(),
}).meta({ id: "Subscription" });

// A webhook is only documented: the name is the event's, not a path of this app.
app.webhooks.post("new-subscription", {
  params: { body: Subscription },
  description: `When a new user subscribes to your service we'll send you a POST request with this
data to the URL that you register for the event \`new-subscription\` in the dashboard.`,
}, function new_subscription() {});

app.get("/users/", function read_users() {
  return ["Rick", "Morty"];
});
