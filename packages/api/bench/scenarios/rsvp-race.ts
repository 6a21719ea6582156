import pg from 'pg'
import { sampleRss } from '../server.js'
import { createInitiative } from './api.js'
import { bearer, type ScenarioContext, type ScenarioResult } from './types.js'

const capacity = 100
const people = 500
/** How long the server's worker may take to write the 500 e-mails that carry the links. */
const mailTimeoutMs = 300_000

interface Answer {
  http: number
  status: string
  position?: number
  ms: number
}

/**
 * 500 people RSVP at the same instant to one initiative of capacity 100 from the public form (each
 * answered 202: no place is taken before the e-mail link), then the 500 links of their e-mails are
 * followed at the same instant: places are given on confirmation, so that is where the race is.
 * Exactly 100 must be going, 400 waitlisted at positions 1 to 400, and no answer a 5xx. Each
 * request is its own connection, all sent at once.
 */
export async function rsvpRaceScenario(context: ScenarioContext): Promise<ScenarioResult> {
  const { manifest } = context
  const { id } = await createInitiative(context.url, manifest, { title: 'Course aux places (bench)', capacity })
  const run = `r${Date.now().toString(36)}`
  const textId = manifest.consentTexts.event_participation ?? ''
  const emails = Array.from({ length: people }, (_, index) => `${run}-${index}@bench.example.org`)
  const rss = sampleRss(context.pids)
  const requested = performance.now()
  const requests = await Promise.all(
    emails.map((email) =>
      send(`${context.url}/v1/initiatives/${id}/rsvps`, manifest.publishableKey, {
        email,
        given_name: 'Alex',
        family_name: 'Bench',
        postcode: manifest.nearPostcode,
        consents: [{ purpose: 'event_participation', text_id: textId }],
      }),
    ),
  )
  const requestSeconds = (performance.now() - requested) / 1000
  const untouched = await storedCounts(manifest.databaseUrl, manifest.organizationId, id)
  const mailed = performance.now()
  const tokens = await confirmationLinks(manifest.databaseUrl, manifest.organizationId, `${run}-%`, people)
  const mailSeconds = (performance.now() - mailed) / 1000
  const started = performance.now()
  const answers = await Promise.all(
    tokens.map((token) => send(`${context.url}/v1/confirmations`, manifest.publishableKey, { token })),
  )
  const seconds = (performance.now() - started) / 1000
  const rssMb = rss.stop()
  const count = (list: Answer[], predicate: (a: Answer) => boolean) => list.filter(predicate).length
  const pending = count(requests, (a) => a.http === 202 && a.status === 'pending_confirmation')
  const going = count(answers, (a) => a.http === 200 && a.status === 'going')
  const waitlisted = count(answers, (a) => a.http === 200 && a.status === 'waitlisted')
  const positions = answers.flatMap((a) => (a.status === 'waitlisted' && a.position ? [a.position] : []))
  const inOrder = [...positions].sort((x, y) => x - y).every((position, index) => position === index + 1)
  const serverErrors = count([...requests, ...answers], (a) => a.http >= 500 || a.http === 0)
  const stored = await storedCounts(manifest.databaseUrl, manifest.organizationId, id)
  const latencies = answers.map((a) => a.ms).sort((a, b) => a - b)
  const p = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0)
  context.log(
    `  rsvp-race: ${pending} requests answered 202 in ${requestSeconds.toFixed(2)} s (stored ${untouched.going}/` +
      `${untouched.waitlisted}); ${tokens.length} links mailed in ${mailSeconds.toFixed(2)} s; confirmations: ` +
      `${going} going, ${waitlisted} waitlisted, ${serverErrors} 5xx/failed in ${seconds.toFixed(2)} s; stored ` +
      `${stored.going} going, ${stored.waitlisted} waitlisted (counters ${stored.going_count}/${stored.waitlist_count}); ` +
      `RSS ${rssMb} MB`,
  )
  const exact =
    going === capacity &&
    waitlisted === people - capacity &&
    inOrder &&
    stored.going === capacity &&
    stored.waitlisted === people - capacity &&
    stored.going_count === capacity &&
    stored.waitlist_count === people - capacity
  const nothingBefore =
    pending === people &&
    untouched.going + untouched.waitlisted + untouched.going_count + untouched.waitlist_count === 0
  return {
    name: 'rsvp-race',
    rssMb,
    checks: [
      {
        label: 'no place before the e-mail link',
        ok: nothingBefore,
        detail: `${pending} answered pending_confirmation; rows ${untouched.going}/${untouched.waitlisted} before the links`,
      },
      {
        label: '100 going, 400 waitlisted in order of confirmation',
        ok: exact,
        detail: `answers ${going}/${waitlisted}; rows ${stored.going}/${stored.waitlisted}; counters ${stored.going_count}/${stored.waitlist_count}`,
      },
      { label: 'no 5xx', ok: serverErrors === 0, detail: `${serverErrors} 5xx or failed` },
    ],
    figures: {
      going,
      waitlisted,
      serverErrors,
      requestSeconds: Number(requestSeconds.toFixed(2)),
      mailSeconds: Number(mailSeconds.toFixed(2)),
      seconds: Number(seconds.toFixed(2)),
      p50: p(0.5),
      p99: p(0.99),
    },
  }
}

/** One POST on its own connection; the answer's status, or the RSVP's for a confirmation. */
async function send(url: string, key: string, body: unknown): Promise<Answer> {
  const sentAt = performance.now()
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...bearer(key), 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify(body),
    })
    const answer = (await response.json()) as {
      status?: string
      rsvp?: { status: string; waitlist_position?: number }
    }
    return {
      http: response.status,
      status: answer.rsvp?.status ?? answer.status ?? '',
      position: answer.rsvp?.waitlist_position,
      ms: performance.now() - sentAt,
    }
  } catch (error) {
    return { http: 0, status: String(error), ms: performance.now() - sentAt }
  }
}

/**
 * The tokens of the links in the e-mails the server's worker wrote (kept in the database, with no
 * SMTP server), once there is one per address, as each person would find it in their mailbox.
 */
async function confirmationLinks(
  databaseUrl: string,
  organizationId: string,
  addresses: string,
  expected: number,
): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const until = Date.now() + mailTimeoutMs
    for (;;) {
      const result = await client.query<{ text_body: string }>(
        `select text_body from mail_outbox
         where organization_id = $1 and template = 'rsvp-request' and to_address like $2`,
        [organizationId, addresses],
      )
      if (result.rows.length >= expected || Date.now() > until) {
        return result.rows.flatMap((row) => /\/confirm\?token=([0-9a-z]+)/.exec(row.text_body)?.[1] ?? [])
      }
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  } finally {
    await client.end()
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
      `select count(r.id) filter (where r.status = 'going')::int as going,
              count(r.id) filter (where r.status = 'waitlisted')::int as waitlisted,
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
