import { runLoad } from '../load.js'
import { sampleRss } from '../server.js'
import { bearer, type ScenarioContext, type ScenarioResult } from './types.js'

/** The public list of a federation's upcoming initiatives, as a widget on the federation's site asks it. */
export function listPath(context: Pick<ScenarioContext, 'manifest'>): string {
  return `/v1/initiatives?group=${context.manifest.federationId}&limit=20`
}

export function nearPath(context: Pick<ScenarioContext, 'manifest'>): string {
  return `/v1/initiatives?near=${context.manifest.nearPostcode}&radius_km=20&limit=20`
}

async function readScenario(
  name: string,
  context: ScenarioContext,
  request: { path: string } | { paths: string[] },
): Promise<ScenarioResult> {
  const headers = bearer(context.manifest.publishableKey)
  const rss = sampleRss(context.pids)
  let next = 0
  const load = await runLoad({
    url: context.url,
    server: context.pids,
    connections: context.connections,
    duration: context.duration,
    headers,
    requests:
      'paths' in request
        ? [
            {
              method: 'GET',
              setupRequest: (req) => {
                req.path = request.paths[next++ % request.paths.length] as string
                return req
              },
            },
          ]
        : [{ method: 'GET', path: request.path }],
  })
  const rssMb = rss.stop()
  context.log(
    `  ${name}: ${load.requestsPerSecond} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, errors ${load.errors}, RSS ${rssMb} MB`,
  )
  return { name, load, rssMb, checks: [{ label: 'no errors', ok: load.errors === 0, detail: `${load.errors} errors` }] }
}

export const listScenario = (context: ScenarioContext) => readScenario('list', context, { path: listPath(context) })

export const detailScenario = (context: ScenarioContext) =>
  readScenario('detail', context, { paths: context.manifest.initiativeIds.map((id) => `/v1/initiatives/${id}`) })

export const nearScenario = (context: ScenarioContext) => readScenario('near', context, { path: nearPath(context) })
