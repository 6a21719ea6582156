import pg from 'pg'
import { sampleRss } from '../server.js'
import { createInitiative } from './api.js'
import { bearer, type ScenarioContext, type ScenarioResult } from './types.js'

const capacity = 100
const people = 500

/**
 * 500 people RSVP at the same instant to one initiative of capacity 100: exactly 100 must be going,
 * 400 waitlisted, and no answer a 5xx. Each request is its own connection, all sent at once.
 */
export async function rsvpRaceScenario(context: ScenarioContext): Promise<ScenarioResult> {
  const { manifest } = context
  const { id } = await createInitiative(context.url, manifest, { title: 'Course aux places (bench)', capacity })
  const run = `r${Date.now().toString(36)}`
  const textId = manifest.consentTexts.event_participation ?? ''
  const rss = sampleRss(context.pids)
  const started = performance.now()
  const answers = await Promise.all(
    Array.from({ length: people }, async (_, index) => {
      const sentAt = performance.now()
      try {
        const response = await fetch(`${context.url}/v1/initiatives/${id}/rsvps`, {
          method: 'POST',
          headers: { ...bearer(manifest.publishableKey), 'content-type': 'application/json', connection: 'close' },
          body: JSON.stringify({
            email: `${run}-${index}@bench.example.org`,
            given_name: 'Alex',
            family_name: 'Bench',
            postcode: manifest.nearPostcode,
            consents: [{ purpose: 'event_participation', text_id: textId }],
          }),
        })
        const body = (await response.json()) as { status?: string }
        return { http: response.status, status: body.status ?? '', ms: performance.now() - sentAt }
      } catch (error) {
        return { http: 0, status: String(error), ms: performance.now() - sentAt }
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const rssMb = rss.stop()
  const count = (predicate: (a: (typeof answers)[number]) => boolean) => answers.filter(predicate).length
  const going = count((a) => a.http === 201 && a.status === 'going')
  const waitlisted = count((a) => a.http === 201 && a.status === 'waitlisted')
  const serverErrors = count((a) => a.http >= 500 || a.http === 0)
  const stored = await storedCounts(manifest.databaseUrl, manifest.organizationId, id)
  const latencies = answers.map((a) => a.ms).sort((a, b) => a - b)
  const p = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0)
  context.log(
    `  rsvp-race: ${going} going, ${waitlisted} waitlisted, ${serverErrors} 5xx/failed in ${seconds.toFixed(2)} s; ` +
      `stored ${stored.going} going, ${stored.waitlisted} waitlisted (counters ${stored.going_count}/${stored.waitlist_count}); RSS ${rssMb} MB`,
  )
  const exact =
    going === capacity &&
    waitlisted === people - capacity &&
    stored.going === capacity &&
    stored.waitlisted === people - capacity &&
    stored.going_count === capacity &&
    stored.waitlist_count === people - capacity
  return {
    name: 'rsvp-race',
    rssMb,
    checks: [
      {
        label: '100 going, 400 waitlisted',
        ok: exact,
        detail: `answers ${going}/${waitlisted}; rows ${stored.going}/${stored.waitlisted}; counters ${stored.going_count}/${stored.waitlist_count}`,
      },
      { label: 'no 5xx', ok: serverErrors === 0, detail: `${serverErrors} 5xx or failed` },
    ],
    figures: { going, waitlisted, serverErrors, seconds: Number(seconds.toFixed(2)), p50: p(0.5), p99: p(0.99) },
  }
}

async function storedCounts(databaseUrl: string, organizationId: string, initiativeId: string) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const result = await client.query<{
      going: number
      waitlisted: number
      going_count: number
      waitlist_count: number
    }>(
      `select count(*) filter (where r.status = 'going')::int as going,
              count(*) filter (where r.status = 'waitlisted')::int as waitlisted,
              i.going_count, i.waitlist_count
       from initiatives i left join rsvps r on r.organization_id = i.organization_id and r.initiative_id = i.id
       where i.organization_id = $1 and i.id = $2
       group by i.going_count, i.waitlist_count`,
      [organizationId, initiativeId],
    )
    return result.rows[0] ?? { going: 0, waitlisted: 0, going_count: 0, waitlist_count: 0 }
  } finally {
    await client.end()
  }
}
