import { FastAPI, Path } from "fastapi-ts";
import { z } from "zod";

interface Item {
  name: string;
  description?: string | null;
}

interface Author {
  name: string;
  items?: Item[];
}

const Item = z.object({
  name: z.string(),
  description: z.string().nullable().default(null),
}).meta({ id: "Item" }) satisfies z.ZodType<Item>;

const Author = z.object({
  name: z.string(),
  // A nested schema: an author holds a list of items.
  items: z.array(Item).default(() => []),
}).meta({ id: "Author" }) satisfies z.ZodType<Author>;

export const app = new FastAPI();

app.post("/authors/{author_id}/items/", {
  params: { author_id: Path(z.string()), items: z.array(Item) },
  responseModel: Author,
}, async function create_author_items({ author_id, items }): Promise<Author> {
  return { name: author_id, items };
});

app.get("/authors/", { responseModel: z.array(Author) }, function get_authors(): Author[] {
  return [
    {
      name: "Breaters",
      items: [
        {
          name: "Island In The Moon",
          description: "A place to be playin' and havin' fun",
        },
        { name: "Holy Buddies" },
      ],
    },
    {
      name: "System of an Up",
      items: [
        {
          name: "Salt",
          description: "The kombucha mushroom people's favorite",
        },
        { name: "Pad Thai" },
        {
          name: "Lonely Night",
          description: "The mostests lonliest nightiest of allest",
        },
      ],
    },
  ];
});
