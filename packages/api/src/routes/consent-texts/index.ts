import { publishConsentText } from '../../domain/consent/publish.js'
import { currentConsentTexts } from '../../domain/consent/texts.js'
import { getConsentText, listConsentTextVersions } from '../../domain/consent/versions.js'
import { auditActor } from '../common/audit.js'
import { createRouter } from '../common/router.js'
import { presentConsentText, presentConsentTextVersion } from './present.js'
import {
  createConsentTextRoute,
  getConsentTextRoute,
  listConsentTextsRoute,
  listConsentTextVersionsRoute,
} from './routes.js'

export const consentTextsRouter = createRouter()
  .openapi(listConsentTextsRoute, async (c) => {
    const texts = await currentConsentTexts(c.get('db'), c.get('caller').organizationId, c.req.valid('query'))
    c.header('cache-control', 'public, max-age=300')
    // Each organization has its own texts, and only the key tells organizations apart.
    c.header('vary', 'Authorization', { append: true })
    return c.json({ data: texts.map(presentConsentText) }, 200)
  })
  .openapi(getConsentTextRoute, async (c) => {
    const text = await getConsentText(c.get('db'), c.get('caller').organizationId, c.req.valid('param').consent_text_id)
    // The wording never changes; only `retired_at` may appear, and a form learns it at its next sign-up.
    c.header('cache-control', 'public, max-age=300')
    c.header('vary', 'Authorization', { append: true })
    return c.json(presentConsentTextVersion(text), 200)
  })
  .openapi(createConsentTextRoute, async (c) => {
    const { text } = await publishConsentText(c.get('db'), c.get('caller').organizationId, c.req.valid('json'), {
      audit: auditActor(c),
    })
    c.header('location', `${c.get('config').publicUrl}/v1/consent-texts/${text.id}`)
    return c.json(presentConsentTextVersion(text), 201)
  })
  .openapi(listConsentTextVersionsRoute, async (c) => {
    const { limit, cursor, purpose, language } = c.req.valid('query')
    const page = await listConsentTextVersions(c.get('db'), c.get('caller').organizationId, {
      purpose,
      language,
      limit,
      cursor,
    })
    c.header('cache-control', 'no-store')
    return c.json({ data: page.data.map(presentConsentTextVersion), next_cursor: page.next_cursor }, 200)
  })
