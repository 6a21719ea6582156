import type { TestProject } from 'vitest/node'
import { type DemoApi, startDemoApi } from './api-server.js'

declare module 'vitest' {
  export interface ProvidedContext {
    api: DemoApi
  }
}

// One API for the whole run: seeding the demo takes seconds, and the tests only add to its data.
export default async function setup(project: TestProject) {
  const { api, stop } = await startDemoApi()
  project.provide('api', api)
  return stop
}
