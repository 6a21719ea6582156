import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const cdn = join(dirname(createRequire(import.meta.url).resolve('@relais/widgets/package.json')), 'cdn')

/**
 * The event list's file and the chunks it imports (Lit, the widgets' internals), read from the
 * widgets' build. The demo page names them in `modulepreload` hints: the browser fetches them with
 * the loader instead of one after the other, loader → list → chunks. Chunk names carry a hash that
 * changes with each build, hence the reading; none when the widgets are not built.
 */
export async function eventListModules(): Promise<string[]> {
  const code = await readFile(join(cdn, 'relais-event-list.js'), 'utf8').catch(() => '')
  if (!code) return []
  // Static imports only (`from"./chunks/…"`); the parts it loads later (`import("./chunks/…")`) wait.
  const chunks = [...code.matchAll(/(?:import|from)\s*["']\.\/(chunks\/[\w.-]+\.js)["']/g)]
  return ['relais-event-list.js', ...chunks.map((match) => match[1] as string)]
}
