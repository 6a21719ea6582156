import type { Context } from 'hono'
import { Hono } from 'hono'
import { findUnsubscribeLink, unsubscribe } from '../../domain/members/unsubscribe.js'
import { requestGuards } from '../../middleware/request-guards/index.js'
import { askPage, donePage, unusablePage } from './html.js'

// Unsubscribe tokens are base32 secrets; anything else is not looked up at all.
const tokenShape = /^[0-9a-z]{16,100}$/

const pageHeaders = {
  'cache-control': 'no-store',
  // The address holds the token: it must not leak to other sites, nor the page be framed.
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'x-robots-tag': 'noindex',
}

/** The token of a POST: the form's field, or the link's own query (RFC 8058 one-click, from mail apps). */
async function postedToken(c: Context): Promise<string> {
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
  const token = typeof form.token === 'string' ? form.token : (c.req.query('token') ?? '')
  return token.trim()
}

/**
 * The unsubscribe link of every e-mail, outside the API and its keys. Opening it changes nothing
 * (mail scanners follow links); its form's POST, or a mail app's one-click POST, unsubscribes.
 */
export const unsubscribePages = new Hono()
  .get('/unsubscribe', async (c) => {
    const token = c.req.query('token')?.trim() ?? ''
    const link = tokenShape.test(token) ? await findUnsubscribeLink(c.get('db'), token) : undefined
    if (!link) return c.html(unusablePage(), 400, pageHeaders)
    if (link.done) return c.html(donePage(), 200, pageHeaders)
    return c.html(askPage(token, link.organizationName), 200, pageHeaders)
  })
  .post('/unsubscribe', requestGuards({ maxBodyBytes: 4 * 1024 }), async (c) => {
    const token = await postedToken(c)
    if (!tokenShape.test(token) || !(await unsubscribe(c.get('db'), token)))
      return c.html(unusablePage(), 400, pageHeaders)
    return c.html(donePage(), 200, pageHeaders)
  })
