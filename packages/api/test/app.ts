import { inject } from 'vitest'
import { createApp } from '../src/app.js'
import { openTestDatabase, type TestDatabase } from './database.js'

export interface TestContext {
  app: ReturnType<typeof createApp>
  database: TestDatabase
  demo: ReturnType<typeof inject<'template'>>['demo']
  other: ReturnType<typeof inject<'template'>>['other']
  now: Date
  /** A request with a bearer key (and JSON body when given). */
  call(method: string, path: string, options?: CallOptions): Promise<Response>
  close(): Promise<void>
}

export interface CallOptions {
  key?: string | null
  body?: unknown
  headers?: Record<string, string>
}

export const testPublicUrl = 'http://relais.test'

/** The app on a private copy of the demo database, called in-process through `app.request`. */
export async function openTestApp(): Promise<TestContext> {
  const template = inject('template')
  const database = await openTestDatabase()
  const app = createApp({ db: database.db, config: { publicUrl: testPublicUrl } })
  return {
    app,
    database,
    demo: template.demo,
    other: template.other,
    now: new Date(template.now),
    call(method, path, { key = template.demo.publishableKey, body, headers = {} } = {}) {
      const init: RequestInit = { method, headers: { ...headers } }
      const h = init.headers as Record<string, string>
      if (key) h.authorization = `Bearer ${key}`
      if (body !== undefined) {
        h['content-type'] ??= 'application/json'
        init.body = typeof body === 'string' ? body : JSON.stringify(body)
      }
      return Promise.resolve(app.request(`${testPublicUrl}${path}`, init))
    },
    close: () => database.close(),
  }
}
