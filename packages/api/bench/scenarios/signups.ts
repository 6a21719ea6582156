import pg from 'pg'
import { runLoad } from '../load.js'
import { sampleRss } from '../server.js'
import { bearer, type ScenarioContext, type ScenarioResult } from './types.js'

export function signupBody(email: string, textId: string, postcode: string): string {
  return JSON.stringify({
    email,
    given_name: 'Camille',
    family_name: 'Bench',
    postcode,
    consents: [{ purpose: 'membership', text_id: textId }],
  })
}

/**
 * Public sign-ups with a unique address each, for a fixed time. Then every 202 must have its member,
 * its membership consent record and its e-mail job, none twice; the bench counts by the addresses
 * it sent, so other rows do not blur the count.
 */
export async function signupScenario(context: ScenarioContext): Promise<ScenarioResult> {
  const { manifest } = context
  const run = `s${Date.now().toString(36)}`
  const textId = manifest.consentTexts.membership ?? ''
  let sent = 0
  const accepted = new Set<string>()
  const rss = sampleRss(context.pids)
  const load = await runLoad({
    url: context.url,
    server: context.pids,
    connections: context.connections,
    duration: context.duration,
    headers: { ...bearer(manifest.publishableKey), 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        path: '/v1/signups',
        setupRequest: (req, ctx) => {
          const email = `${run}-${sent++}@bench.example.org`
          const connection: { email?: string } = ctx
          connection.email = email
          req.body = signupBody(email, textId, manifest.nearPostcode)
          return req
        },
        onResponse: (status, _body, ctx) => {
          if (status === 202) accepted.add((ctx as { email?: string }).email ?? '')
        },
      },
    ],
  })
  const rssMb = rss.stop()
  const verified = await verifySignups(manifest.databaseUrl, manifest.organizationId, `${run}-%`, accepted)
  context.log(
    `  signups: ${load.requestsPerSecond} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, errors ${load.errors}, ` +
      `RSS ${rssMb} MB; ${accepted.size} accepted, ${verified.members} members, ${verified.consents} consents, ` +
      `${verified.jobs} e-mail jobs, ${verified.missing} missing, ${verified.duplicated} duplicated`,
  )
  return {
    name: 'signups',
    load,
    rssMb,
    checks: [
      { label: 'no errors', ok: load.errors === 0, detail: `${load.errors} errors` },
      { label: 'sign-ups accepted', ok: accepted.size > 0, detail: `${accepted.size} answered 202` },
      {
        label: 'every 202 has member, consent, e-mail job',
        ok: verified.missing === 0,
        detail: `${accepted.size} accepted; ${verified.members} members, ${verified.consents} consent records, ${verified.jobs} e-mail jobs; ${verified.missing} missing`,
      },
      { label: 'nothing twice', ok: verified.duplicated === 0, detail: `${verified.duplicated} duplicated` },
    ],
    figures: { accepted: accepted.size, ...verified },
  }
}

export interface SignupCheck {
  members: number
  consents: number
  jobs: number
  /** Acknowledged addresses lacking their member, consent record or e-mail job. */
  missing: number
  /** Addresses with two members, two membership consents or two e-mail jobs. */
  duplicated: number
}

/** Counts, per address the bench sent, its member, membership consent records and send-email jobs. */
export async function verifySignups(
  databaseUrl: string,
  organizationId: string,
  pattern: string,
  accepted: Set<string>,
): Promise<SignupCheck> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    // pg-boss keeps jobs in pgboss.job, then moves finished ones to pgboss.archive: count both.
    const result = await client.query<{ email: string; members: number; consents: number; jobs: number }>(
      `with bench_members as (
         select id, email_normalized from members where organization_id = $1 and email_normalized like $2
       ), jobs as (
         select data->>'memberId' as member_id from pgboss.job where name = 'send-email'
           and data->>'organizationId' = $1
         union all
         select data->>'memberId' from pgboss.archive where name = 'send-email' and data->>'organizationId' = $1
       )
       select m.email_normalized as email,
              count(*) over (partition by m.email_normalized)::int as members,
              (select count(*) from consent_records c where c.organization_id = $1 and c.member_id = m.id
                 and c.purpose = 'membership')::int as consents,
              (select count(*) from jobs j where j.member_id = m.id)::int as jobs
       from bench_members m`,
      [organizationId, pattern],
    )
    const byEmail = new Map(result.rows.map((row) => [row.email, row]))
    let missing = 0
    for (const email of accepted) {
      const row = byEmail.get(email)
      if (!row || row.consents < 1 || row.jobs < 1) missing++
    }
    const duplicated = result.rows.filter((row) => row.members > 1 || row.consents > 1 || row.jobs > 1).length
    return {
      members: result.rows.length,
      consents: result.rows.reduce((sum, row) => sum + row.consents, 0),
      jobs: result.rows.reduce((sum, row) => sum + row.jobs, 0),
      missing,
      duplicated,
    }
  } finally {
    await client.end()
  }
}
