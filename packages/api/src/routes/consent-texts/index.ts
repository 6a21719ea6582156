import { currentConsentTexts } from '../../domain/consent/texts.js'
import { createRouter } from '../common/router.js'
import { presentConsentText } from './present.js'
import { listConsentTextsRoute } from './routes.js'

export const consentTextsRouter = createRouter().openapi(listConsentTextsRoute, async (c) => {
  const texts = await currentConsentTexts(c.var.db, c.var.caller.organizationId, c.req.valid('query'))
  c.header('cache-control', 'public, max-age=300')
  // Each organization has its own texts, and only the key tells organizations apart.
  c.header('vary', 'Authorization', { append: true })
  return c.json({ data: texts.map(presentConsentText) }, 200)
})
