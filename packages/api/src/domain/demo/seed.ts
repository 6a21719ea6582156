import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'
import { newId } from '../ids.js'
import { createKey } from '../keys/keys.js'
import { scopes } from '../keys/scopes.js'
import { buildActivity } from './activity.js'
import { buildConsentRecords, buildConsentTexts } from './consents.js'
import { buildGroups } from './groups.js'
import { buildHosts } from './hosts.js'
import { buildInitiatives } from './initiatives.js'
import { insertInChunks } from './insert.js'
import { buildMembers, buildMemberships } from './members.js'
import { DAY } from './paris-time.js'
import { createRandom } from './random.js'
import { buildRsvps } from './rsvps.js'
import { type DemoSizeName, demoSizes } from './sizes.js'
import type { Tenant } from './tenant.js'

/** Bumped whenever the generated data changes shape, so tools can tell which demo they hold. */
export const DEMO_SEED_VERSION = 1

/** The slug of the default demo organization: how a restart recognizes that it was seeded. */
export const demoSlug = 'mouvement-relais'

export interface DemoOptions {
  /** Anchor for "upcoming" and "past"; default now. */
  now?: Date
  /** Seed of the pseudo-random generator; default 2027. */
  seed?: number
  /** Organization name; default 'Mouvement Relais', a fictional party. */
  name?: string
  /** Default 'mouvement-relais'. */
  slug?: string
  /** Origins the demo publishable key accepts; default the local demo server. */
  allowedOrigins?: string[]
  /** 'small' makes a second tenant for isolation tests: one federation, two sections, 20 members. */
  size?: DemoSizeName
  /** Told each step as it is written, for a progress line on the console. */
  onProgress?: (step: string) => void
}

export interface DemoSeed {
  organizationId: string
  /** `pk_live_…`, in clear: only its hash is stored. */
  publishableKey: string
  /** `sk_live_…` with every scope, in clear: only its hash is stored. */
  secretKey: string
  counts: { groups: number; members: number; initiatives: number; rsvps: number }
}

/**
 * Fills the database with a believable party: groups across twelve departments, members who
 * consented, initiatives over the next three months, RSVPs, activity and two API keys. One
 * transaction: a failure leaves nothing behind. Refuses to run twice for the same slug.
 *
 * @example
 * const { publishableKey } = await seedDemo(db, { allowedOrigins: ['http://localhost:8787'] })
 */
export async function seedDemo(db: Kysely<Database>, options: DemoOptions = {}): Promise<DemoSeed> {
  const {
    now = new Date(),
    seed = 2027,
    name = 'Mouvement Relais',
    slug = demoSlug,
    allowedOrigins = ['http://localhost:8787', 'http://127.0.0.1:8787'],
    size: sizeName = 'full',
    onProgress = () => {},
  } = options
  const size = demoSizes[sizeName]
  const random = createRandom(seed)
  const createdAt = new Date(now.getTime() - 430 * DAY)
  const tenant: Tenant = { id: newId('org', createdAt), name, siteHost: `${slug}.example.org`, createdAt }

  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('organizations').select('id').where('slug', '=', slug).executeTakeFirst()
    if (existing) {
      throw new Error(`the demo organization "${slug}" already exists (${existing.id}); it is seeded only once`)
    }
    const tree = buildGroups(random.fork('groups'), tenant, size, now)
    const members = buildMembers(random.fork('members'), tenant, tree, size.members, now)
    const memberships = buildMemberships(random.fork('memberships'), tree, members, now)
    const consentTexts = buildConsentTexts(tenant.id, { name, dpoEmail: `dpo@${tenant.siteHost}` }, createdAt)
    const initiatives = buildInitiatives(random.fork('initiatives'), tenant, buildHosts(tenant, tree), size, now)
    const rsvps = buildRsvps(random.fork('rsvps'), tenant, initiatives, members, now)

    const consentRecords = buildConsentRecords(members, rsvps, consentTexts)
    const activity = buildActivity(tree, initiatives, members)
    const memberRows = members.map((member) => member.row)
    const initiativeRows = initiatives.map((initiative) => initiative.row)
    const rsvpRows = rsvps.map((rsvp) => rsvp.row)

    await trx
      .insertInto('organizations')
      .values({ id: tenant.id, name, slug, default_language: 'fr', created_at: createdAt })
      .execute()
    await insertInChunks(trx, 'groups', tree.rows)
    await insertInChunks(trx, 'group_postcodes', tree.postcodes)
    onProgress(`${tree.rows.length} groups`)
    await insertInChunks(trx, 'members', memberRows)
    await insertInChunks(trx, 'memberships', memberships)
    onProgress(`${members.length} members, ${memberships.length} memberships`)
    await insertInChunks(trx, 'consent_texts', consentTexts)
    await insertInChunks(trx, 'consent_records', consentRecords)
    onProgress(`${consentRecords.length} consent records`)
    await insertInChunks(trx, 'initiatives', initiativeRows)
    await insertInChunks(trx, 'rsvps', rsvpRows)
    onProgress(`${initiatives.length} initiatives, ${rsvps.length} RSVPs`)
    await insertInChunks(trx, 'activity', activity)
    const publishable = await createKey(trx, tenant.id, {
      kind: 'publishable',
      name: 'Site de démonstration',
      allowedOrigins,
    })
    const secret = await createKey(trx, tenant.id, {
      kind: 'secret',
      name: 'Clé de démonstration (secrète)',
      scopes: [...scopes],
    })
    onProgress(`${activity.length} activity items, 2 API keys`)

    return {
      organizationId: tenant.id,
      publishableKey: publishable.token,
      secretKey: secret.token,
      counts: {
        groups: tree.rows.length,
        members: members.length,
        initiatives: initiatives.length,
        rsvps: rsvps.length,
      },
    }
  })
}
