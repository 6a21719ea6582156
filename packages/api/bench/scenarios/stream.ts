import { sampleRss } from '../server.js'
import { createInitiative } from './api.js'
import type { ScenarioContext, ScenarioResult } from './types.js'

const clients = 1000
const withinMs = 500

/** One SSE client: resolves when connected; `seen` resolves with the time the marker arrived. */
async function openClient(url: string, key: string, marker: string, signal: AbortSignal) {
  const response = await fetch(`${url}/v1/activity/stream?key=${encodeURIComponent(key)}`, {
    signal,
    headers: { accept: 'text/event-stream' },
  })
  if (response.status !== 200 || !response.body) throw new Error(`stream answered ${response.status}`)
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  const seen = (async () => {
    let text = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return undefined
      text += value
      if (text.includes(marker)) return performance.now()
      if (text.length > 100_000) text = text.slice(-1000)
    }
  })().catch(() => undefined)
  return { seen }
}

/**
 * 1,000 clients on the public activity stream; one initiative is published through the API; each
 * client's delay from the moment the write was sent to the event reaching it is measured (the
 * event may arrive before the write's own answer: NOTIFY fires at commit).
 */
export async function streamScenario(context: ScenarioContext): Promise<ScenarioResult> {
  const { manifest } = context
  const marker = `flux-${Date.now().toString(36)}`
  const abort = new AbortController()
  const rss = sampleRss(context.pids)
  const connecting = performance.now()
  const opened = await Promise.allSettled(
    Array.from({ length: clients }, () => openClient(context.url, manifest.publishableKey, marker, abort.signal)),
  )
  const connected = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []))
  const connectSeconds = (performance.now() - connecting) / 1000
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const writeStarted = performance.now()
  await createInitiative(context.url, manifest, { title: `Annonce ${marker}`, startsInDays: 5 })
  const acknowledged = performance.now()
  const deadline = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 10_000))
  const arrivals = await Promise.all(connected.map((client) => Promise.race([client.seen, deadline])))
  abort.abort()
  const rssMb = rss.stop()
  const delays = arrivals
    .map((at) => (at === undefined ? Number.POSITIVE_INFINITY : at - writeStarted))
    .sort((a, b) => a - b)
  const afterAck = delays.map((d) => d - (acknowledged - writeStarted))
  const received = delays.filter(Number.isFinite).length
  const within = delays.filter((d) => d <= withinMs).length
  const p = (q: number) => delays[Math.min(delays.length - 1, Math.floor(q * delays.length))] ?? Number.NaN
  const share = within / clients
  const fmt = (ms: number) => (Number.isFinite(ms) ? Math.max(0, Math.round(ms)) : 'never')
  context.log(
    `  stream: ${connected.length}/${clients} connected in ${connectSeconds.toFixed(1)} s; write acknowledged in ` +
      `${Math.round(acknowledged - writeStarted)} ms; ${received} received, ${(share * 100).toFixed(1)} % within ` +
      `${withinMs} ms, p50 ${fmt(p(0.5))} ms, p95 ${fmt(p(0.95))} ms; RSS ${rssMb} MB`,
  )
  return {
    name: 'stream',
    rssMb,
    checks: [
      {
        label: `95 % within ${withinMs} ms`,
        ok: share >= 0.95,
        detail: `${(share * 100).toFixed(1)} % within ${withinMs} ms, p95 ${fmt(p(0.95))} ms`,
      },
      { label: 'every client connected', ok: connected.length === clients, detail: `${connected.length}/${clients}` },
    ],
    figures: {
      connected: connected.length,
      received,
      withinShare: Number(share.toFixed(3)),
      p50: fmt(p(0.5)),
      p95: fmt(p(0.95)),
      max: fmt(p(1)),
      p95AfterAck: fmt(afterAck[Math.min(afterAck.length - 1, Math.floor(0.95 * afterAck.length))] ?? Number.NaN),
      writeMs: Math.round(acknowledged - writeStarted),
      connectSeconds: Number(connectSeconds.toFixed(1)),
    },
  }
}
