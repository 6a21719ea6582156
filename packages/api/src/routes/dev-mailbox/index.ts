import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { getOutboxMessage, listOutbox } from '../../mail/outbox.js'
import { problem } from '../../middleware/problem-details/index.js'
import { listPage, messagePage } from './html.js'

const pageSize = 50
const idShape = /^\d{1,15}$/

const pageHeaders = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'x-robots-tag': 'noindex',
}

// The HTML part is shown framed in the message page, with no script, and its links open the real pages.
const messageHeaders = {
  ...pageHeaders,
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'",
}

const absent = (c: Context) => problem(c, 404, { detail: `There is nothing at ${c.req.path}.` })

/** Only when mail is kept in the database (no SMTP_URL), or RELAIS_DEV_MAILBOX=1: else, as if absent. */
const whenEnabled: MiddlewareHandler = async function whenEnabled(c, next) {
  if (!c.get('config').devMailbox) return absent(c)
  await next()
}

/** The message a path names, if its id is a number and the message exists. */
async function messageOf(c: Context) {
  const id = c.req.param('id') ?? ''
  return idShape.test(id) ? getOutboxMessage(c.get('db'), Number(id)) : undefined
}

/**
 * `/dev/mailbox`: the e-mails of a server without SMTP, so that a newcomer running Relais locally
 * can open a confirmation e-mail and follow its link.
 */
export const devMailbox = new Hono()
  .use('/dev/mailbox', whenEnabled)
  .use('/dev/mailbox/*', whenEnabled)
  .get('/dev/mailbox', async (c) => {
    const before = c.req.query('before')
    const entries = await listOutbox(c.get('db'), {
      before: before && idShape.test(before) ? Number(before) : undefined,
      limit: pageSize,
    })
    const older = entries.length === pageSize ? entries.at(-1)?.id : undefined
    return c.html(listPage(entries, older), 200, pageHeaders)
  })
  .get('/dev/mailbox/:id', async (c) => {
    const message = await messageOf(c)
    if (!message) return absent(c)
    return c.html(messagePage(message), 200, pageHeaders)
  })
  .get('/dev/mailbox/:id/html', async (c) => {
    const message = await messageOf(c)
    if (!message) return absent(c)
    // Links open in the whole window: the pages they lead to refuse to be framed.
    const body = message.html_body.replace(/<head>/i, '<head>\n<base target="_top">')
    return c.html(body, 200, messageHeaders)
  })
  .get('/dev/mailbox/:id/raw', async (c) => {
    const message = await messageOf(c)
    if (!message) return absent(c)
    return c.body(message.raw, 200, {
      ...pageHeaders,
      'content-type': 'message/rfc822',
      'content-disposition': `attachment; filename="message-${message.id}.eml"`,
    })
  })
  .get('/dev/mailbox/:id/attachments/:index', async (c) => {
    const index = c.req.param('index')
    const attachment = /^\d{1,3}$/.test(index) ? (await messageOf(c))?.attachments[Number(index)] : undefined
    if (!attachment) return absent(c)
    return c.body(attachment.content, 200, {
      ...pageHeaders,
      'content-type': attachment.content_type,
      'content-disposition': `attachment; filename="${attachment.filename.replace(/[^\w.-]/g, '_')}"`,
    })
  })
