import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import { findCampaign } from './campaign.js'
import { campaignPage } from './campaign-page.js'
import { campaignStyles } from './campaign-styles.js'
import { eventListModules } from './event-list-modules.js'
import { aboutPage } from './page.js'
import { styles } from './styles.js'

// A strict policy, as a careful campaign site would have: scripts from this server only (the
// widgets' loader and chunks), no inline script, the one inline stylesheet allowed by its hash;
// the forms' proof of work runs in a worker made from a blob.
function policyFor(stylesheet: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "connect-src 'self'",
    'worker-src blob:',
    `style-src 'sha256-${createHash('sha256').update(stylesheet).digest('base64')}'`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

const headers = (stylesheet: string) => ({
  'content-security-policy': policyFor(stylesheet),
  'cache-control': 'no-cache',
  'referrer-policy': 'no-referrer',
})

/** `/`: a candidate's site built from the widgets when this server seeded the demo, else a short introduction. */
export const homeRouter = new Hono().get('/', async (c) => {
  const { demo } = c.get('config')
  if (!demo) return c.html(aboutPage(), 200, headers(styles))
  const [campaign, preloads] = await Promise.all([findCampaign(c.get('db'), demo.organizationId), eventListModules()])
  return c.html(
    campaignPage({ ...campaign, publishableKey: demo.publishableKey, preloads }),
    200,
    headers(campaignStyles),
  )
})
