import { Hono } from 'hono'
import { DomainError } from '../../domain/errors.js'
import { findPendingConfirmation, followConfirmationLink } from '../../domain/signups/confirmation.js'
import { requestGuards } from '../../middleware/request-guards/index.js'
import { askPage, confirmedPage, unusablePage } from './confirm-html.js'

// Confirmation tokens are base32 secrets; anything else is not looked up at all.
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

/**
 * The page a double opt-in e-mail links to, outside the API and its keys. Opening it changes
 * nothing (mail scanners follow links); its form's POST spends the token.
 */
export const confirmPages = new Hono()
  .get('/confirm', async (c) => {
    const token = c.req.query('token')?.trim() ?? ''
    const pending = tokenShape.test(token) ? await findPendingConfirmation(c.get('db'), token) : undefined
    if (!pending) return c.html(unusablePage(), 400, pageHeaders)
    return c.html(askPage(token, pending.organizationName, pending.purpose), 200, pageHeaders)
  })
  .post('/confirm', requestGuards({ maxBodyBytes: 4 * 1024 }), async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
    const token = typeof form.token === 'string' ? form.token.trim() : ''
    if (!tokenShape.test(token)) return c.html(unusablePage(), 400, pageHeaders)
    try {
      const followed = await followConfirmationLink(c.get('db'), token)
      return c.html(confirmedPage(followed.purpose, followed.rsvp), 200, pageHeaders)
    } catch (error) {
      if (error instanceof DomainError) return c.html(unusablePage(), 400, pageHeaders)
      throw error
    }
  })
