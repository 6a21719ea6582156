export { DEMO_SEED_VERSION, type DemoOptions, type DemoSeed, demoSlug, seedDemo } from './seed.js'
export type { DemoSizeName } from './sizes.js'
