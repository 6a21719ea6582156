export type { paths, components, operations } from "./schema.js"
