import { readFile, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, normalize } from 'node:path'
import type { Context } from 'hono'
import { problem } from '../../middleware/problem-details/index.js'
import { createRouter } from '../common/router.js'

const widgetsPackage = createRequire(import.meta.url).resolve('@relais/widgets/package.json')
const cdn = join(dirname(widgetsPackage), 'cdn')
const { version } = JSON.parse(await readFile(widgetsPackage, 'utf8')) as { version: string }

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
}

// Evergreen `/widgets/v1/` may change under a page within minutes; `/widgets/<version>/` and the
// hashed chunks never change, so browsers and CDNs keep them for a year.
const evergreen = 'public, max-age=300, stale-while-revalidate=86400'
const immutable = 'public, max-age=31536000, immutable'

// The build writes each file also as `.br` (Brotli) and `.gz` (Zopfli): sent as they are, with no
// compression work per request, to browsers that accept them.
const encodings = [
  { name: 'br', extension: '.br' },
  { name: 'gzip', extension: '.gz' },
]

function accepted(c: Context, encoding: string) {
  return (c.req.header('accept-encoding') ?? '').split(',').some((part) => {
    const [name, ...params] = part.trim().split(';')
    return name?.trim() === encoding && !params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param))
  })
}

async function fileInfo(path: string) {
  const info = await stat(path).catch(() => undefined)
  return info?.isFile() ? info : undefined
}

async function serve(c: Context, file: string, cacheControl: string) {
  const path = normalize(join(cdn, file))
  const type = types[file.slice(file.lastIndexOf('.'))]
  if (!path.startsWith(`${cdn}/`) || !type) return problem(c, 404, { detail: `There is no widget file ${file}.` })
  const plain = await fileInfo(path)
  if (!plain) {
    return problem(c, 404, {
      detail: `There is no widget file ${file}. If you run Relais from source, build the widgets: pnpm --filter @relais/widgets build.`,
    })
  }
  let sent = { path, info: plain, encoding: undefined as string | undefined }
  for (const { name, extension } of encodings) {
    const info = accepted(c, name) ? await fileInfo(path + extension) : undefined
    if (info) {
      sent = { path: path + extension, info, encoding: name }
      break
    }
  }
  const { info } = sent
  const etag = `W/"${info.size.toString(16)}-${info.mtimeMs.toString(16)}"`
  const headers: Record<string, string> = {
    'content-type': type,
    'cache-control': file.startsWith('chunks/') ? immutable : cacheControl,
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
    vary: 'Accept-Encoding',
    etag,
  }
  if (sent.encoding) headers['content-encoding'] = sent.encoding
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers)
  return c.body(await readFile(sent.path), 200, headers)
}

/** The widget bundles, for any site to load: `/widgets/v1/relais.js` and `/widgets/<version>/…`. */
export const widgetsRouter = createRouter()
widgetsRouter.get('/widgets/v1/*', (c) => serve(c, c.req.path.slice('/widgets/v1/'.length), evergreen))
widgetsRouter.get(`/widgets/${version}/*`, (c) => serve(c, c.req.path.slice(`/widgets/${version}/`.length), immutable))
