import { html } from 'hono/html'
import { htmlPage, linkPageStyle, tokenForm } from '../common/html-page.js'

type Purpose = 'signup' | 'rsvp'

const what = {
  signup: { fr: 'votre inscription', en: 'your sign-up' },
  rsvp: { fr: 'votre participation', en: 'your attendance' },
} as const

const recorded = {
  signup: { fr: 'Votre inscription est enregistrée.', en: 'Your sign-up is recorded.' },
  rsvp: { fr: 'Votre participation est enregistrée.', en: 'Your attendance is recorded.' },
} as const

// Each language has its own button, so that a reader of either finds one in their language.
const confirmForm = (token: string, label: string, language: 'fr' | 'en') =>
  tokenForm('confirm', token, label, language)
const page = (title: string, body: unknown) => htmlPage({ title, body, style: linkPageStyle })

/** The page an e-mail link opens: nothing happens until the person presses the button. */
export function askPage(token: string, organizationName: string, purpose: Purpose) {
  return page(
    'Confirmer votre adresse e-mail',
    html`<section>
  <h1>Confirmer votre adresse e-mail</h1>
  <p>Pour finaliser ${what[purpose].fr} auprès de ${organizationName}, confirmez votre adresse e-mail.</p>
  ${confirmForm(token, 'Confirmer mon adresse', 'fr')}
</section>
<section lang="en">
  <h2>Confirm your e-mail address</h2>
  <p>To complete ${what[purpose].en} with ${organizationName}, confirm your e-mail address.</p>
  ${confirmForm(token, 'Confirm my address', 'en')}
</section>`,
  )
}

export function confirmedPage(purpose: Purpose) {
  return page(
    'Adresse confirmée',
    html`<section role="status">
  <h1>Merci, votre adresse est confirmée</h1>
  <p>${recorded[purpose].fr} Vous pouvez fermer cette page.</p>
</section>
<section lang="en">
  <h2>Thank you, your address is confirmed</h2>
  <p>${recorded[purpose].en} You may close this page.</p>
</section>`,
  )
}

export function unusablePage() {
  return page(
    'Lien inutilisable',
    html`<section role="alert">
  <h1>Ce lien ne fonctionne plus</h1>
  <p>Il est incomplet, a déjà servi ou a expiré (il vaut sept jours). Si vous avez déjà confirmé votre adresse, tout
    est en ordre. Sinon, inscrivez-vous à nouveau pour recevoir un nouveau lien.</p>
</section>
<section lang="en">
  <h2>This link no longer works</h2>
  <p>It is incomplete, was already used or has expired (links last seven days). If you already confirmed your address,
    all is well. Otherwise, sign up again to receive a new link.</p>
</section>`,
  )
}
