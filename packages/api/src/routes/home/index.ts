import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import { aboutPage, demoPage } from './page.js'
import { script } from './script.js'
import { styles } from './styles.js'

// Only this page's own stylesheet and script run, and it talks to this server only.
const policy = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  `style-src 'sha256-${createHash('sha256').update(styles).digest('base64')}'`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const headers = { 'content-security-policy': policy, 'cache-control': 'no-cache', 'referrer-policy': 'no-referrer' }

/** `/`: the demo page when this server seeded the demo, otherwise a short introduction. */
export const homeRouter = new Hono()
  .get('/', (c) => {
    const { demo, publicUrl } = c.var.config
    const html = demo ? demoPage({ ...demo, publicUrl }) : aboutPage()
    return c.html(html, 200, headers)
  })
  .get('/home/demo.js', (c) =>
    c.body(script, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }),
  )
