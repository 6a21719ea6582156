import { sql } from 'kysely'
import pg from 'pg'
import { openDatabase } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { createKey } from '../../src/domain/keys/keys.js'
import { scopes } from '../../src/domain/keys/scopes.js'
import { createOrganization } from '../../src/domain/organizations/create.js'
import { type CopyReport, copyRows, rate } from './copy.js'
import { buildGroups, groupColumns } from './groups.js'
import { withoutSecondaryIndexes } from './indexes.js'
import { buildInitiatives, initiativeColumns } from './initiatives.js'
import {
  buildMembers,
  consentColumns,
  consentRows,
  memberColumns,
  memberRows,
  membershipColumns,
  membershipRows,
} from './members.js'
import { seeded } from './random.js'
import { rsvpColumns, rsvpRows } from './rsvps.js'
import { sizesAt } from './sizes.js'

/** What the scenarios need to know of the generated organization; keys are only stored hashed. */
export interface BenchManifest {
  databaseUrl: string
  scale: number
  organizationId: string
  publishableKey: string
  secretKey: string
  /** The federation whose upcoming initiatives the list scenario reads. */
  federationId: string
  /** A postcode inside that federation, for `near`. */
  nearPostcode: string
  /** Published upcoming initiatives, for the detail scenario. */
  initiativeIds: string[]
  /** A section of the federation: where the bench creates its own initiatives. */
  sectionId: string
  consentTexts: Record<string, string>
  counts: Record<string, number>
  generatedIn: { table: string; rows: number; seconds: number }[]
  generatedAt: string
  /** Seconds the whole generation took, migrations and index builds included. */
  generatedSeconds?: number
}

/**
 * Migrates an empty database with the project's migrations, then writes one organization of the
 * given scale with COPY: 2,000 groups, 200,000 members (with consents and memberships), 20,000
 * initiatives and 500,000 RSVPs per scale unit.
 */
export async function generate(databaseUrl: string, scale: number, log: (line: string) => void) {
  const started = performance.now()
  const database = await openDatabase({ url: databaseUrl })
  await migrateToLatest(database.db)
  const now = new Date()
  const sizes = sizesAt(scale)
  const random = seeded(Math.round(scale * 1000) + 7)
  log(
    `Generating scale ${scale}: ${sizes.groups} groups, ${sizes.members} members, ` +
      `${sizes.initiatives} initiatives, ${sizes.rsvps} RSVPs…`,
  )
  const organization = await createOrganization(database.db, {
    name: `Bench party ${scale}`,
    slug: `bench-${Date.now()}`,
  })
  const orgId = organization.id
  const texts = await database.db
    .selectFrom('consent_texts')
    .select(['id', 'purpose', 'sha256'])
    .where('organization_id', '=', orgId)
    .where('language', '=', 'fr')
    .execute()
  const text = (purpose: string) => {
    const found = texts.find((t) => t.purpose === purpose)
    if (!found) throw new Error(`no ${purpose} consent text`)
    return found
  }
  const publishable = await createKey(database.db, orgId, { kind: 'publishable', name: 'bench' })
  const secret = await createKey(database.db, orgId, { kind: 'secret', name: 'bench', scopes: [...scopes] })
  await database.close()

  const createdAt = new Date(now.getTime() - 3 * 365 * 86_400_000)
  const tree = buildGroups(random, orgId, sizes, createdAt)
  const members = buildMembers(random, tree.sections, sizes.members, now)
  const initiatives = buildInitiatives(random, orgId, tree, sizes.initiatives, sizes.rsvps, members.length, now)

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 })
  const client = await pool.connect()
  const reports: CopyReport[] = []
  try {
    await client.query('begin')
    // The rows are consistent by construction: skipping the per-row foreign-key triggers makes COPY
    // several times faster (superuser only; elsewhere the checks simply run).
    const role = await client.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user')
    if (role.rows[0]?.rolsuper) await client.query('set local session_replication_role = replica')
    const texts2 = { membership: text('membership'), news: text('news') }
    reports.push(await copyRows(client, 'groups', groupColumns, tree.rows.length, tree.rows, log))
    reports.push(
      await copyRows(
        client,
        'group_postcodes',
        ['organization_id', 'postcode', 'group_id'],
        tree.postcodeRows.length,
        tree.postcodeRows,
        log,
      ),
    )
    const bulkTables = ['members', 'consent_records', 'memberships', 'initiatives', 'rsvps']
    await withoutSecondaryIndexes(client, bulkTables, log, async () => {
      reports.push(await copyRows(client, 'members', memberColumns, members.length, memberRows(orgId, members), log))
      const consents = members.length + Math.ceil(members.length / 2)
      reports.push(
        await copyRows(client, 'consent_records', consentColumns, consents, consentRows(orgId, members, texts2), log),
      )
      const memberships = members.filter((m) => m.status !== 'pending').length
      reports.push(
        await copyRows(client, 'memberships', membershipColumns, memberships, membershipRows(orgId, members), log),
      )
      const rows = initiatives.map((initiative) => initiative.row)
      reports.push(await copyRows(client, 'initiatives', initiativeColumns, rows.length, rows, log))
      const rsvps = initiatives.reduce((total, initiative) => total + initiative.rsvps, 0)
      reports.push(
        await copyRows(client, 'rsvps', rsvpColumns, rsvps, rsvpRows(random, orgId, initiatives, members), log),
      )
    })
    await client.query('commit')
    const analyzing = performance.now()
    await client.query('vacuum analyze')
    log(`  vacuum analyze: ${((performance.now() - analyzing) / 1000).toFixed(1)} s`)
  } catch (error) {
    await client.query('rollback').catch(() => undefined)
    throw error
  } finally {
    client.release()
    await pool.end()
  }
  const total = reports.reduce((sum, report) => sum + report.rows, 0)
  const seconds = (performance.now() - started) / 1000
  log(
    `Generated ${total.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${rate(total, seconds)} rows/s overall).`,
  )

  const federation = tree.federations[0]
  const section = tree.sections.find((s) => s.path.startsWith(federation?.path ?? '')) ?? tree.sections[0]
  const upcoming = initiatives.filter(
    (i) =>
      i.status === 'published' &&
      i.startsAt > now &&
      i.row[initiativeColumns.indexOf('kind')] !== 'online' &&
      i.group.path.startsWith(federation?.path ?? ''),
  )
  const detailIds = (
    upcoming.length >= 50 ? upcoming : initiatives.filter((i) => i.status === 'published' && i.startsAt > now)
  )
    .slice(0, 1000)
    .map((i) => i.id)
  const manifest: BenchManifest = {
    databaseUrl,
    scale,
    organizationId: orgId,
    publishableKey: publishable.token,
    secretKey: secret.token,
    federationId: federation?.id ?? '',
    nearPostcode: section?.places[0]?.postcode ?? '75011',
    initiativeIds: detailIds,
    sectionId: section?.id ?? '',
    consentTexts: Object.fromEntries(texts.map((t) => [t.purpose, t.id])),
    counts: Object.fromEntries(reports.map((r) => [r.table, r.rows])),
    generatedIn: reports,
    generatedAt: new Date().toISOString(),
    generatedSeconds: Math.round(seconds),
  }
  return { manifest, seconds }
}

export async function countRows(databaseUrl: string): Promise<Record<string, number>> {
  const database = await openDatabase({ url: databaseUrl })
  try {
    const counts: Record<string, number> = {}
    for (const table of ['groups', 'members', 'consent_records', 'memberships', 'initiatives', 'rsvps'] as const) {
      const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(database.db)
      counts[table] = row.rows[0]?.n ?? 0
    }
    return counts
  } finally {
    await database.close()
  }
}
