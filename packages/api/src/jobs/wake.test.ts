import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../../test/database.js'
import { openDatabase } from '../db/database.js'
import { jobsChannel } from './queue.js'
import { WorkerWake } from './wake.js'

let database: TestDatabase
let heard: number[]
let unlisten: (() => Promise<void>) | undefined
beforeAll(async () => {
  database = await openTestDatabase()
  heard = []
  unlisten = await database.listen?.(jobsChannel, () => heard.push(performance.now()))
})
afterAll(async () => {
  await unlisten?.()
  await database.close()
})

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function heardAfter(ms: number): Promise<number[]> {
  await pause(ms)
  return heard.splice(0)
}

describe('WorkerWake', () => {
  it('sends one wake-up for the writes of a moment, and one more for those during its spacing', async () => {
    const spacingMs = 300
    const wake = new WorkerWake(database.db, spacingMs)
    const asked = performance.now()
    for (let i = 0; i < 100; i++) wake.request()
    const [first, ...more] = await heardAfter(150)
    expect(more).toEqual([])
    expect(first ?? Number.NaN).toBeLessThan(asked + 150)
    // Writes while the spacing runs: one wake-up once it has passed, for all of them.
    for (let i = 0; i < 10; i++) wake.request()
    const [second, ...after] = await heardAfter(spacingMs + 300)
    expect(after).toEqual([])
    expect(second ?? Number.NaN).toBeGreaterThanOrEqual((first ?? 0) + spacingMs - 5)
    // No write, no wake-up.
    expect(await heardAfter(spacingMs + 100)).toEqual([])
    await wake.close()
  })

  it('sends nothing once closed, after the wake-up under way', async () => {
    const wake = new WorkerWake(database.db, 50)
    wake.request()
    await wake.close()
    wake.request()
    expect(await heardAfter(200)).toHaveLength(1)
  })

  it('says so when the database cannot be reached, and never throws to the write', async () => {
    const lines: string[] = []
    // A server that is not there: nothing listens on port 1.
    const away = await openDatabase({ url: 'postgres://relais@127.0.0.1:1/relais' })
    const wake = new WorkerWake(away.db, 10, (line) => lines.push(line))
    wake.request()
    await wake.close()
    await away.close()
    expect(lines).toEqual([expect.stringMatching(/could not wake the workers \(they will poll\): .*ECONNREFUSED/)])
  })
})
