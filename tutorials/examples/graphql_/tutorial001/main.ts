import { FastAPI } from "fastapi-ts";
import { createSchema, createYoga } from "graphql-yoga";

const schema = createSchema({
  typeDefs: /* GraphQL */ `
    type User {
      name: String!
      age: Int!
    }

    type Query {
      user: User!
    }
  `,
  resolvers: {
    Query: {
      user: () => ({ name: "Patrick", age: 100 }),
    },
  },
});

// A GraphQL server that speaks fetch: it answers at the root of wherever it is mounted. GraphiQL is off because
// Yoga's GraphiQL page loads its scripts from a CDN (see the page for a local one).
const graphqlApp = createYoga({ schema, graphqlEndpoint: "/", graphiql: false, landingPage: false });

export const app = new FastAPI();

app.mount("/graphql", graphqlApp);
