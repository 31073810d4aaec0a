import { FastAPI, type TagMetadata } from "fastapi-ts";

const tags_metadata: TagMetadata[] = [
  {
    name: "users",
    description: "Operations with users. The **login** logic is also here.",
  },
  {
    name: "items",
    description: "Manage items. So _fancy_ they have their own docs.",
    externalDocs: {
      description: "Items external docs",
      url: "https://fastapi.tiangolo.com/",
    },
  },
];

export const app = new FastAPI({ openapiTags: tags_metadata });

app.get("/users/", { tags: ["users"] }, async function get_users() {
  return [{ name: "Harry" }, { name: "Ron" }];
});

app.get("/items/", { tags: ["items"] }, async function get_items() {
  return [{ name: "wand" }, { name: "flying broom" }];
});
