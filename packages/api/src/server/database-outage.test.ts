import { describe, expect, it } from 'vitest'
import { isConnectionLoss } from './database-outage.js'

describe('isConnectionLoss', () => {
  it('recognizes a cut connection, a server shutting down and a refused connection', () => {
    expect(isConnectionLoss(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(
      isConnectionLoss(
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ).toBe(true)
    expect(
      isConnectionLoss(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    ).toBe(true)
    expect(isConnectionLoss(new Error('the database system is starting up'))).toBe(true)
  })

  it('leaves every other failure to crash the process, as bugs should', () => {
    expect(isConnectionLoss(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false)
    expect(isConnectionLoss(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false)
    expect(isConnectionLoss('Connection terminated')).toBe(false)
  })
})
