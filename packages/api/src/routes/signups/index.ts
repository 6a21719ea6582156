import { followConfirmationLink } from '../../domain/signups/confirmation.js'
import { signUp } from '../../domain/signups/sign-up.js'
import { requireProof } from '../common/proof.js'
import { createRouter } from '../common/router.js'
import { textsInForceOf } from '../common/texts-in-force.js'
import { confirmPages } from './confirm-page.js'
import { presentConfirmed } from './present.js'
import { confirmRoute, createSignupRoute } from './routes.js'
import { sourceOf } from './source.js'

// One answer for every accepted form: new address, known address or robot alike.
const accepted = {
  status: 'pending_confirmation',
  message_fr:
    'Merci ! Un e-mail de confirmation vient de vous être envoyé. Cliquez sur le lien qu’il contient pour ' +
    'confirmer votre inscription.',
  message_en: 'Thank you! A confirmation e-mail is on its way. Follow the link it contains to confirm your sign-up.',
} as const

export const signupsRouter = createRouter()
  .openapi(createSignupRoute, async (c) => {
    const signup = c.req.valid('json')
    c.header('cache-control', 'no-store')
    // A pending sign-up shows nowhere until confirmed: a flood of them leaves public answers cached.
    c.set('publicAnswersUnchanged', true)
    if (signup.website) return c.json(accepted, 202)
    await requireProof(c, signup)
    // The clear token stays in the result for the e-mail to come; it is neither answered nor logged.
    await signUp(c.get('db'), {
      organizationId: c.get('caller').organizationId,
      person: {
        email: signup.email,
        given_name: signup.given_name,
        family_name: signup.family_name,
        postcode: signup.postcode,
        phone: signup.phone ?? null,
      },
      language: signup.language,
      groupId: signup.group_id,
      consents: signup.consents,
      source: sourceOf(c, signup.source_page),
      textsInForce: textsInForceOf(c),
    })
    return c.json(accepted, 202)
  })
  .openapi(confirmRoute, async (c) => {
    const { token } = c.req.valid('json')
    const followed = await followConfirmationLink(c.get('db'), token, {
      organizationId: c.get('caller').organizationId,
    })
    c.header('cache-control', 'no-store')
    return c.json(presentConfirmed(followed), 200)
  })

signupsRouter.route('/', confirmPages)
