import { accessSync, constants, mkdirSync } from 'node:fs'
import type { Kysely } from 'kysely'
import type { Database } from '../db/types.js'
import { seedDemo } from '../domain/demo/index.js'
import { findKeyByToken } from '../domain/keys/keys.js'
import { allowOrigins } from '../domain/keys/manage.js'
import { type DemoInfo, demoFilePath, readDemoFile, writeDemoFile } from './demo-file.js'
import { UsageError } from './environment.js'

/** The demo organization's slug, passed to seedDemo so a second start can tell it exists. */
export const demoSlug = 'mouvement-relais'

const number = new Intl.NumberFormat('en-GB')

export interface DemoOptions {
  /** Where demo.json lives. */
  dataDir: string
  /** The server's public address, recorded in demo.json. */
  apiUrl: string
  /** Origins the demo publishable key must accept: the addresses this server answers on. */
  origins: string[]
  /** Where the database is, in words, for messages. */
  where: string
  log: (line: string) => void
}

export type DemoOutcome =
  | { state: 'seeded' | 'existing'; info: DemoInfo; file: string }
  /** The demo organization exists but demo.json, hence its keys, is gone: never seed twice. */
  | { state: 'orphaned'; organizationId: string; file: string }

/**
 * Seeds the demo organization on the first start only, and records its keys in demo.json; later
 * starts read the file back. Either way the publishable key learns the current port's origins.
 */
export async function prepareDemo(db: Kysely<Database>, options: DemoOptions): Promise<DemoOutcome> {
  const { dataDir, apiUrl, origins, where, log } = options
  const file = demoFilePath(dataDir)
  const recorded = readDemoFile(dataDir)
  if (recorded) {
    const organization = await db
      .selectFrom('organizations')
      .select('id')
      .where('id', '=', recorded.organization_id)
      .executeTakeFirst()
    if (!organization) {
      throw new UsageError(
        `${file} names organization ${recorded.organization_id}, which is not in ${where}: it was written for ` +
          'another database. Delete it, or set RELAIS_DATA_DIR to another folder, to seed the demo here.',
      )
    }
    const info = { ...recorded, api_url: apiUrl }
    if (recorded.api_url !== apiUrl) writeDemoFile(dataDir, info)
    await allowDemoOrigins(db, info, origins, log)
    return { state: 'existing', info, file }
  }
  const orphan = await db.selectFrom('organizations').select('id').where('slug', '=', demoSlug).executeTakeFirst()
  if (orphan) return { state: 'orphaned', organizationId: orphan.id, file }
  // Fail before seeding, not after: keys that cannot be written down are lost for good.
  mkdirSync(dataDir, { recursive: true })
  accessSync(dataDir, constants.W_OK)
  log(`Seeding the demo organization in ${where} (first start only, a few seconds)…`)
  const started = Date.now()
  const seed = await seedDemo(db, { slug: demoSlug, allowedOrigins: origins })
  const { groups, members, initiatives, rsvps } = seed.counts
  log(
    `  ${number.format(groups)} groups, ${number.format(members)} members, ${number.format(initiatives)} initiatives, ` +
      `${number.format(rsvps)} RSVPs in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  )
  const info: DemoInfo = {
    organization_id: seed.organizationId,
    publishable_key: seed.publishableKey,
    secret_key: seed.secretKey,
    api_url: apiUrl,
  }
  writeDemoFile(dataDir, info)
  await allowDemoOrigins(db, info, origins, log)
  return { state: 'seeded', info, file }
}

async function allowDemoOrigins(db: Kysely<Database>, info: DemoInfo, origins: string[], log: (line: string) => void) {
  const key = await findKeyByToken(db, info.publishable_key)
  if (!key) {
    log('Warning: the demo publishable key in demo.json was revoked; the demo page cannot load its data.')
    return
  }
  await allowOrigins(db, key.organization_id, key.id, origins)
}

/** Why a demo cannot be shown, and what to do, when its organization lost its demo.json. */
export function orphanedDemoMessage(outcome: { organizationId: string; file: string }): string {
  return (
    `The demo organization ${outcome.organizationId} exists but ${outcome.file} is missing, so its keys are ` +
    'unknown (they are stored hashed). Relais does not seed it twice. Create keys with ' +
    `"relais keys create --org ${outcome.organizationId} --secret --scope keys:write" and ` +
    `"relais keys create --org ${outcome.organizationId} --publishable", or use a fresh RELAIS_DATA_DIR.`
  )
}
