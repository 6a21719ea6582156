import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createApp } from '../src/app.js'
import { openTestDatabase, type TestDatabase } from './database.js'
import {
  explain,
  type PlanIssue,
  type PlanRules,
  planIssues,
  planLine,
  type RecordedQuery,
  recordingDatabase,
  type Settings,
} from './query-plans.js'

// "An index for every list query you ship": every read the API offers runs through the real
// handlers on a copy of the demo database, and each SELECT it issued is explained on PostgreSQL.

/** Tables that grow with a tenant: no query reads all of a tenant's rows, unless in the order of a keyset page. */
const growing = new Set([
  'members',
  'memberships',
  'initiatives',
  'rsvps',
  'activity',
  'consent_records',
  'confirmations',
  'group_postcodes',
  'api_keys',
])
// A tenant's group tree stays small (tens to hundreds): no Seq Scan and no sorted keyset page, but
// the planner may read it whole through an index, as visibility checks and counts over it do.
const indexed = new Set([...growing, 'groups'])

interface Ids {
  national: string
  federation: string
  section: string
  postcode: string
  groupWord: string
  initiative: string
  initiativeTag: string
  initiativeWord: string
  member: string
  memberTag: string
  memberName: string
}

/** What a plan may do although an index rule forbids it, and why; each must still be needed. */
interface Exception {
  kind: PlanIssue['kind']
  /** Omitted: whichever tables the issue involves. */
  table?: string
  reason: string
  /** Planner settings under which the issue must vanish: proof that an index serves the query. */
  unless?: Settings
}

interface Operation {
  name: string
  key: 'publishable' | 'secret'
  path: (ids: Ids) => string | Promise<string>
  exceptions?: Exception[]
}

// The stats count RSVPs going to upcoming initiatives. Most demo RSVPs are, so the planner hashes all
// of the tenant's; driven by the upcoming initiatives instead, rsvps_queue serves the count.
const rsvpsGoingHashed: Exception = {
  kind: 'whole-tenant',
  table: 'rsvps',
  reason: 'most demo RSVPs are for upcoming initiatives: hashing them all costs least',
  unless: { enable_hashjoin: 'off', enable_mergejoin: 'off', enable_memoize: 'off' },
}

// A group's members are paged by when each person first joined, min(memberships.created_at) over
// their memberships in the group (or subtree): an aggregate, which no index can hold in order. The
// sort covers that group's memberships only, found through memberships_pkey (organization_id, group_id, …).
const joinedOrder: Exception = {
  kind: 'sort',
  reason: 'ordered by min(memberships.created_at) per person, an aggregate no index holds',
}

const template = inject('template')
let database: TestDatabase
let recording: ReturnType<typeof recordingDatabase>
let app: ReturnType<typeof createApp>
let explainer: pg.Client
let ids: Ids
let rules: PlanRules

function request(path: string, key: Operation['key']) {
  const token = key === 'secret' ? template.demo.secretKey : template.demo.publishableKey
  return app.request(`http://relais.test${path}`, { headers: { authorization: `Bearer ${token}` } })
}

/** The cursor of the page after the first one, fetched before the page under test is recorded. */
async function secondPage(path: string, key: Operation['key']): Promise<string> {
  const res = await request(path, key)
  const { next_cursor } = (await res.json()) as { next_cursor: string | null }
  if (!next_cursor) throw new Error(`${path} has a single page: no cursor to test`)
  return `${path}${path.includes('?') ? '&' : '?'}cursor=${next_cursor}`
}

const publicOperations: Operation[] = [
  { name: 'listGroups', key: 'publishable', path: () => '/v1/groups' },
  { name: 'listGroups kind', key: 'publishable', path: () => '/v1/groups?kind=section' },
  { name: 'listGroups parent', key: 'publishable', path: (i) => `/v1/groups?parent=${i.federation}` },
  // Ranked by distance in memory, without ORDER BY or LIMIT in SQL: the candidates are the groups
  // covering the postcode (group_postcodes_pkey) and those in a bounding box of the small group tree.
  { name: 'listGroups near', key: 'publishable', path: (i) => `/v1/groups?near=${i.postcode}` },
  { name: 'listGroups q', key: 'publishable', path: (i) => `/v1/groups?q=${encodeURIComponent(i.groupWord)}` },
  { name: 'listGroups page 2', key: 'publishable', path: () => secondPage('/v1/groups?limit=10', 'publishable') },
  { name: 'getGroup (with counts)', key: 'publishable', path: (i) => `/v1/groups/${i.federation}` },
  { name: 'listInitiatives upcoming', key: 'publishable', path: () => '/v1/initiatives' },
  { name: 'listInitiatives group subtree', key: 'publishable', path: (i) => `/v1/initiatives?group=${i.federation}` },
  { name: 'listInitiatives national subtree', key: 'publishable', path: (i) => `/v1/initiatives?group=${i.national}` },
  {
    name: 'listInitiatives group only',
    key: 'publishable',
    path: (i) => `/v1/initiatives?group=${i.section}&include_subgroups=false`,
  },
  { name: 'listInitiatives kind', key: 'publishable', path: () => '/v1/initiatives?kind=canvassing' },
  { name: 'listInitiatives kinds', key: 'publishable', path: () => '/v1/initiatives?kind=rally,meeting' },
  {
    name: 'listInitiatives tag',
    key: 'publishable',
    path: (i) => `/v1/initiatives?tag=${encodeURIComponent(i.initiativeTag)}`,
  },
  // Read in start order by batches, the bounding box as a filter: the exact distance decides in memory.
  { name: 'listInitiatives near', key: 'publishable', path: (i) => `/v1/initiatives?near=${i.postcode}&radius_km=50` },
  {
    name: 'listInitiatives q',
    key: 'publishable',
    path: (i) => `/v1/initiatives?q=${encodeURIComponent(i.initiativeWord)}`,
  },
  {
    name: 'listInitiatives from/to',
    key: 'publishable',
    path: () => {
      const from = new Date(Date.parse(template.now) + 14 * 86_400_000).toISOString()
      const to = new Date(Date.parse(template.now) + 28 * 86_400_000).toISOString()
      return `/v1/initiatives?from=${from}&to=${to}`
    },
  },
  {
    name: 'listInitiatives past',
    key: 'publishable',
    path: () => `/v1/initiatives?from=${new Date(Date.parse(template.now) - 60 * 86_400_000).toISOString()}`,
  },
  {
    name: 'listInitiatives page 2',
    key: 'publishable',
    path: () => secondPage('/v1/initiatives?limit=10', 'publishable'),
  },
  { name: 'getInitiative', key: 'publishable', path: (i) => `/v1/initiatives/${i.initiative}` },
  { name: 'getInitiativeCalendar', key: 'publishable', path: (i) => `/v1/initiatives/${i.initiative}/calendar.ics` },
  { name: 'getGroupCalendar', key: 'publishable', path: (i) => `/v1/groups/${i.federation}/calendar.ics` },
  { name: 'getGroupCalendar national', key: 'publishable', path: (i) => `/v1/groups/${i.national}/calendar.ics` },
  { name: 'listActivity', key: 'publishable', path: () => '/v1/activity' },
  { name: 'listActivity group', key: 'publishable', path: (i) => `/v1/activity?group=${i.federation}` },
  { name: 'listActivity kind', key: 'publishable', path: () => '/v1/activity?kind=member_joined' },
  { name: 'listActivity page 2', key: 'publishable', path: () => secondPage('/v1/activity?limit=10', 'publishable') },
  {
    name: 'getStats organization',
    key: 'publishable',
    path: () => '/v1/stats',
    exceptions: [rsvpsGoingHashed],
  },
  { name: 'getStats group', key: 'publishable', path: (i) => `/v1/stats?group=${i.federation}` },
  { name: 'getStats initiative', key: 'publishable', path: (i) => `/v1/stats?initiative=${i.initiative}` },
  { name: 'listConsentTexts', key: 'publishable', path: () => '/v1/consent-texts' },
  {
    name: 'listConsentTexts purpose',
    key: 'publishable',
    path: () => '/v1/consent-texts?purpose=membership&language=fr',
  },
]

const secretOperations: Operation[] = [
  { name: 'listGroups (secret)', key: 'secret', path: () => '/v1/groups' },
  {
    name: 'listGroupMembers',
    key: 'secret',
    path: (i) => `/v1/groups/${i.section}/members`,
    exceptions: [joinedOrder],
  },
  {
    name: 'listGroupMembers subgroups',
    key: 'secret',
    path: (i) => `/v1/groups/${i.federation}/members?include_subgroups=true`,
    exceptions: [joinedOrder],
  },
  { name: 'listInitiatives (secret)', key: 'secret', path: () => '/v1/initiatives' },
  { name: 'listInitiatives drafts', key: 'secret', path: () => '/v1/initiatives?status=draft,pending_review' },
  {
    name: 'listInitiatives published+cancelled',
    key: 'secret',
    path: () => '/v1/initiatives?status=published,cancelled',
  },
  { name: 'listRsvps', key: 'secret', path: (i) => `/v1/initiatives/${i.initiative}/rsvps` },
  { name: 'listRsvps status', key: 'secret', path: (i) => `/v1/initiatives/${i.initiative}/rsvps?status=going` },
  {
    name: 'listRsvps page 2',
    key: 'secret',
    path: (i) => secondPage(`/v1/initiatives/${i.initiative}/rsvps?limit=5`, 'secret'),
  },
  { name: 'listMembers', key: 'secret', path: () => '/v1/members' },
  { name: 'listMembers status', key: 'secret', path: () => '/v1/members?status=pending' },
  { name: 'listMembers group', key: 'secret', path: (i) => `/v1/members?group=${i.section}` },
  { name: 'listMembers tag', key: 'secret', path: (i) => `/v1/members?tag=${encodeURIComponent(i.memberTag)}` },
  { name: 'listMembers q', key: 'secret', path: (i) => `/v1/members?q=${encodeURIComponent(i.memberName)}` },
  { name: 'listMembers postcode', key: 'secret', path: (i) => `/v1/members?postcode=${i.postcode}` },
  {
    name: 'listMembers created_after',
    key: 'secret',
    path: () => `/v1/members?created_after=${new Date(Date.parse(template.now) - 30 * 86_400_000).toISOString()}`,
  },
  { name: 'listMembers page 2', key: 'secret', path: () => secondPage('/v1/members?limit=10', 'secret') },
  { name: 'getMember', key: 'secret', path: (i) => `/v1/members/${i.member}` },
  { name: 'exportMember', key: 'secret', path: (i) => `/v1/members/${i.member}/export` },
  { name: 'listActivity (secret)', key: 'secret', path: () => '/v1/activity' },
  {
    name: 'getStats organization (secret)',
    key: 'secret',
    path: () => '/v1/stats',
    exceptions: [rsvpsGoingHashed],
  },
  { name: 'listKeys', key: 'secret', path: () => '/v1/keys' },
]

/** Demo rows to point the operations at: a federation with sections, a busy initiative, an involved member. */
async function findIds(): Promise<Ids> {
  const db = database.db
  const org = template.demo.organizationId
  const group = (kind: string) =>
    db
      .selectFrom('groups')
      .select(['id', 'name', 'postcodes'])
      .where('organization_id', '=', org)
      .where('kind', '=', kind as 'section')
      .where('visibility', '=', 'public')
      .orderBy('name')
      .executeTakeFirstOrThrow()
  const national = await group('national')
  const federation = await group('federation')
  const section = await db
    .selectFrom('groups')
    .select(['id', 'name', 'postcodes'])
    .where('organization_id', '=', org)
    .where('parent_id', '=', federation.id)
    .where(sql<boolean>`cardinality(postcodes) > 0`)
    .orderBy('name')
    .executeTakeFirstOrThrow()
  const busiest = await db
    .selectFrom('rsvps')
    .innerJoin('initiatives', (j) =>
      j
        .onRef('initiatives.organization_id', '=', 'rsvps.organization_id')
        .onRef('initiatives.id', '=', 'rsvps.initiative_id'),
    )
    .select(['rsvps.initiative_id', 'initiatives.title', 'initiatives.tags'])
    .where('rsvps.organization_id', '=', org)
    .where('initiatives.status', '=', 'published')
    .where('initiatives.starts_at', '>', new Date(template.now))
    .where(sql<boolean>`cardinality(initiatives.tags) > 0`)
    .groupBy(['rsvps.initiative_id', 'initiatives.title', 'initiatives.tags'])
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('rsvps.initiative_id')
    .executeTakeFirstOrThrow()
  const member = await db
    .selectFrom('members')
    .select(['id', 'given_name', 'tags'])
    .where('organization_id', '=', org)
    .where('status', '=', 'active')
    .where(sql<boolean>`cardinality(tags) > 0`)
    .where('id', 'in', db.selectFrom('rsvps').select('member_id').where('organization_id', '=', org))
    .orderBy('id')
    .executeTakeFirstOrThrow()
  return {
    national: national.id,
    federation: federation.id,
    section: section.id,
    postcode: section.postcodes[0] ?? '75011',
    groupWord: section.name.split(' ').at(-1) ?? section.name,
    initiative: busiest.initiative_id,
    initiativeTag: busiest.tags[0] ?? '',
    initiativeWord: busiest.title.split(' ').find((word) => word.length > 4) ?? busiest.title,
    member: member.id,
    memberTag: member.tags[0] ?? '',
    memberName: member.given_name ?? '',
  }
}

beforeAll(async () => {
  database = await openTestDatabase()
  if (!database.url) throw new Error('indexes.postgres.test.ts needs a PostgreSQL server (TEST_DATABASE_URL)')
  // Plans follow the statistics, and index-only scans the visibility map: as autovacuum keeps them.
  await sql`vacuum analyze`.execute(database.db)
  recording = recordingDatabase(database.url)
  app = createApp({ db: recording.db, config: { publicUrl: 'http://relais.test' } })
  explainer = new pg.Client({ connectionString: database.url })
  await explainer.connect()
  ids = await findIds()
  const indexes = await sql<{ indexname: string; tablename: string }>`
    select indexname, tablename from pg_indexes where schemaname = 'public'`.execute(database.db)
  rules = { indexed, growing, tableOf: new Map(indexes.rows.map((row) => [row.indexname, row.tablename])) }
})

afterAll(async () => {
  await explainer?.end()
  await recording?.close()
  await database?.close()
})

/** The SELECT statements one request issued, once its path (and any earlier page) is ready. */
async function selectsOf(operation: Operation): Promise<RecordedQuery[]> {
  const path = await operation.path(ids)
  recording.queries.length = 0
  const res = await request(path, operation.key)
  expect(res.status, `${operation.name}: ${await res.clone().text()}`).toBe(200)
  await res.arrayBuffer()
  return recording.queries.filter((query) => /^\s*(select|with)\b/i.test(query.sql))
}

/** The keyset query of a list: ordered and limited (auxiliary lookups have no limit). */
const isKeyset = (query: RecordedQuery) => /\border by\b/i.test(query.sql) && /\blimit \$\d+/i.test(query.sql)

const noSeqScan: Settings = { enable_seqscan: 'off' }
const settingsText = (settings: Settings) =>
  Object.entries(settings)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ')

/** The problems of one query's plan that no exception of the operation covers (or proves). */
async function checkQuery(operation: Operation, query: RecordedQuery, label: string, used: Set<Exception>) {
  const keyset = isKeyset(query)
  const plan = await explain(explainer, query, noSeqScan)
  console.log(`${label}: ${planLine(plan)}`)
  let issues = planIssues(plan, keyset, rules)
  if (issues.length > 0 && keyset) {
    // The demo is small: sorting a few rows can cost less than walking an index in order. Without
    // sorts, a plan with no issue proves that an index gives this page its order.
    const ordered = await explain(explainer, query, { ...noSeqScan, enable_sort: 'off' })
    if (planIssues(ordered, true, rules).length === 0) {
      console.log(`${label}: index order without sorting: ${planLine(ordered)}`)
      issues = []
    }
  }
  const problems: string[] = []
  for (const issue of issues) {
    const exception = operation.exceptions?.find(
      (e) => e.kind === issue.kind && (e.table ?? issue.table) === issue.table,
    )
    if (!exception) {
      problems.push(`${label}: ${issue.kind} on ${issue.table}: ${query.sql}`)
      continue
    }
    used.add(exception)
    if (!exception.unless) {
      console.log(`${label}: ${issue.kind} on ${issue.table} accepted: ${exception.reason}`)
      continue
    }
    const proof = await explain(explainer, query, { ...noSeqScan, ...exception.unless })
    const still = planIssues(proof, keyset, rules).some((i) => i.kind === issue.kind && i.table === issue.table)
    const line = `${label}: with ${settingsText(exception.unless)}: ${planLine(proof)}`
    if (still) problems.push(`${issue.kind} on ${issue.table} remains ${line}`)
    else console.log(line)
  }
  return problems
}

describe.each([
  ['public operations', publicOperations],
  ['secret operations', secretOperations],
])('%s: every SELECT is served by an index', (_, operations) => {
  it.each(operations.map((operation) => [operation.name, operation] as const))('%s', async (_name, operation) => {
    const queries = await selectsOf(operation)
    expect(queries.length).toBeGreaterThan(0)
    const used = new Set<Exception>()
    const problems: string[] = []
    for (const [index, query] of queries.entries()) {
      problems.push(...(await checkQuery(operation, query, `${operation.name} #${index + 1}`, used)))
    }
    for (const exception of operation.exceptions ?? []) {
      if (used.has(exception)) continue
      problems.push(`exception no longer needed: ${exception.kind} on ${exception.table ?? 'any table'}`)
    }
    expect(problems).toEqual([])
  })
})
