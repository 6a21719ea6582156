import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from '../src/db/types.js'

export interface RecordedQuery {
  sql: string
  parameters: readonly unknown[]
}

/** One node of `EXPLAIN (FORMAT JSON)`, with the fields the index checks read. */
export interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  'Index Cond'?: string
  Plans?: PlanNode[]
}

export type Settings = Record<string, 'on' | 'off'>

// As in src/db/database.ts: bigint and numeric counts come back as numbers, which handlers expect.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format)
  },
}

/** A Kysely on a PostgreSQL database that keeps every statement it runs (SQL and parameters). */
export function recordingDatabase(url: string) {
  const queries: RecordedQuery[] = []
  const pool = new pg.Pool({ connectionString: url, max: 4, types })
  // As in openDatabase: the copy is dropped WITH (FORCE) after the file, and a connection still
  // closing then is terminated by the server, which must not surface as an uncaught error.
  pool.on('connect', (client) => client.on('error', () => undefined))
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log(event) {
      queries.push({ sql: event.query.sql, parameters: event.query.parameters })
    },
  })
  return { db, queries, close: () => db.destroy() }
}

/** The plan of a recorded query, with its parameters, under planner settings local to a transaction. */
export async function explain(client: pg.Client, query: RecordedQuery, settings: Settings): Promise<PlanNode> {
  await client.query('begin')
  try {
    for (const [name, value] of Object.entries(settings)) await client.query(`set local ${name} = ${value}`)
    const { rows } = await client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`explain (format json) ${query.sql}`, [
      ...query.parameters,
    ])
    const plan = rows[0]?.['QUERY PLAN'][0]?.Plan
    if (!plan) throw new Error(`no plan for ${query.sql}`)
    return plan
  } finally {
    await client.query('rollback')
  }
}

/** Every node of a plan, the root first. */
export function planNodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)]
}

/** A plan on one line: `Limit(Index Scan initiatives_status_start on initiatives)`. */
export function planLine(plan: PlanNode): string {
  const relation = plan['Relation Name']
  const index = plan['Index Name']
  const name = [plan['Node Type'], index, relation && `on ${relation}`].filter(Boolean).join(' ')
  const children = (plan.Plans ?? []).map(planLine)
  return children.length > 0 ? `${name}(${children.join(', ')})` : name
}

export interface PlanIssue {
  kind: 'seq-scan' | 'sort' | 'whole-tenant'
  table: string
}

export interface PlanRules {
  /** Tables no query may read sequentially, nor sort for a keyset page. */
  indexed: ReadonlySet<string>
  /** Tables no query may read whole for a tenant, unless that read gives a keyset page its order. */
  growing: ReadonlySet<string>
  /** The table of each index: a Bitmap Index Scan names only its index. */
  tableOf: ReadonlyMap<string, string>
}

const indexScans = new Set(['Index Scan', 'Index Only Scan', 'Bitmap Index Scan'])

// Every index leads with organization_id, so any tenant's query can use some index: a scan whose
// only condition is the tenant still reads all of the tenant's rows.
function onlyTenant(cond: string | undefined): boolean {
  return (cond ?? '').replace(/\(organization_id = [^()]*\)/g, '').replace(/[()\s]|AND/g, '') === ''
}

/**
 * What a plan does that an index should have spared: a Seq Scan; for a keyset page (`keyset`), a
 * Sort over table rows; a scan bounded by nothing but the tenant, unless it is the ordered index
 * scan a keyset page stops reading after `limit` rows.
 */
export function planIssues(plan: PlanNode, keyset: boolean, rules: PlanRules): PlanIssue[] {
  const issues: PlanIssue[] = []
  const tableOf = (node: PlanNode) => node['Relation Name'] ?? rules.tableOf.get(node['Index Name'] ?? '') ?? ''
  const sorted = planNodes(plan)
    .filter((node) => node['Node Type'] === 'Sort')
    .flatMap((sort) =>
      planNodes(sort)
        .map(tableOf)
        .filter((table) => rules.indexed.has(table)),
    )
  if (keyset) issues.push(...[...new Set(sorted)].map((table) => ({ kind: 'sort' as const, table })))
  for (const node of planNodes(plan)) {
    const table = tableOf(node)
    if (node['Node Type'] === 'Seq Scan' && rules.indexed.has(table)) issues.push({ kind: 'seq-scan', table })
    if (!indexScans.has(node['Node Type']) || !rules.growing.has(table) || !onlyTenant(node['Index Cond'])) continue
    const givesOrder = keyset && sorted.length === 0 && node['Node Type'] !== 'Bitmap Index Scan'
    if (!givesOrder) issues.push({ kind: 'whole-tenant', table })
  }
  return issues
}
