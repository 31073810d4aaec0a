// The reference, read from the runtime's TSDoc when the site is built (scripts/reference/plugin.ts).
declare module "virtual:api-reference" {
  const reference: import("./model.ts").ApiReference;
  export default reference;
}
