import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lockDataDir } from './lock.js'

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'relais-lock-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

describe('lockDataDir', () => {
  it('lets one owner at a time open the embedded database', () => {
    const release = lockDataDir(dataDir)
    expect(() => lockDataDir(dataDir)).toThrow('already open in this process')
    release()
    lockDataDir(dataDir)()
  })

  it('refuses a data dir held by another live process, naming it', () => {
    writeFileSync(join(dataDir, 'relais.pid'), String(process.ppid))
    expect(() => lockDataDir(dataDir)).toThrow(`in use by process ${process.ppid}`)
  })

  it('takes over the lock of a process that died', () => {
    writeFileSync(join(dataDir, 'relais.pid'), '2147483646')
    const release = lockDataDir(dataDir)
    expect(readFileSync(join(dataDir, 'relais.pid'), 'utf8')).toBe(String(process.pid))
    release()
  })
})
