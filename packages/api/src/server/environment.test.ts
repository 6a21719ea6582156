import { describe, expect, it } from 'vitest'
import { describeDatabaseUrl, portFrom, storageFrom } from './environment.js'

describe('storageFrom', () => {
  it('keeps the data where the user ran pnpm, not in the package folder', () => {
    expect(storageFrom({ INIT_CWD: '/repo' }, '/repo/packages/api')).toEqual({ dataDir: '/repo/.relais' })
    expect(storageFrom({ INIT_CWD: '/repo', RELAIS_DATA_DIR: 'data' }, '/repo/packages/api').dataDir).toBe('/repo/data')
    expect(storageFrom({ RELAIS_DATA_DIR: '/srv/relais' }, '/anywhere').dataDir).toBe('/srv/relais')
    expect(storageFrom({}, '/here').dataDir).toBe('/here/.relais')
  })

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(storageFrom({ DATABASE_URL: 'postgres://u@db/relais' }, '/here')).toEqual({
      dataDir: '/here/.relais',
      databaseUrl: 'postgres://u@db/relais',
    })
  })
})

describe('configuration in messages and ports', () => {
  it('never shows the PostgreSQL password', () => {
    expect(describeDatabaseUrl('postgres://relais:s3cret@db.internal:5433/relais')).toBe(
      'PostgreSQL at db.internal:5433/relais',
    )
  })

  it('refuses a PORT that is not a port', () => {
    expect(portFrom({})).toBe(8787)
    expect(portFrom({ PORT: '3000' })).toBe(3000)
    expect(() => portFrom({ PORT: 'http' })).toThrow('PORT must be a port number')
    expect(() => portFrom({ PORT: '70000' })).toThrow('PORT must be a port number')
  })
})
