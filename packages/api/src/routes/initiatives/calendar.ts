import type { Context } from 'hono'
import { sha256Hex } from '../../domain/hashing.js'
import { ifNoneMatchHolds } from '../../middleware/public-cache/index.js'

/**
 * Answers an iCalendar body: cacheable for a few minutes by the apps that poll it (the key in the
 * address tells organizations apart), with an ETag of the bytes so that polling costs a 304.
 */
export function calendarAnswer(c: Context, body: string, filename: string, disposition: 'inline' | 'attachment') {
  const etag = `"${sha256Hex(body).slice(0, 32)}"`
  const secret = c.get('caller').kind === 'secret'
  const headers = { etag, 'cache-control': secret ? 'private, no-cache' : 'public, max-age=300' }
  c.header('vary', 'Authorization', { append: true })
  if (ifNoneMatchHolds(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers)
  return c.body(body, 200, {
    ...headers,
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `${disposition}; filename="${filename}"`,
  })
}
