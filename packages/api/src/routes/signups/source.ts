import type { Context } from 'hono'
import type { MemberSource } from '../../db/types.js'

const widgetName = /^[a-z0-9][a-z0-9-]{0,62}$/
const webOrigin = /^https?:\/\/[^\s/]{1,253}$/i

/**
 * Where a public form was filled in, as far as the request tells: the page it was on, or at least
 * the browser's `Origin`; the widget that sent it; the key used. Headers are kept only when well formed.
 */
export function sourceOf(c: Context, sourcePage: string | undefined): MemberSource {
  const origin = c.req.header('origin')
  const widget = c.req.header('relais-widget')?.trim().toLowerCase()
  return {
    origin: sourcePage ?? (origin && webOrigin.test(origin) ? origin : null),
    widget: widget && widgetName.test(widget) ? widget : null,
    key_id: c.get('caller').keyId,
  }
}
