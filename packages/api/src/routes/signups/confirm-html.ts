import { html } from 'hono/html'

type Purpose = 'signup' | 'rsvp'

const what = {
  signup: { fr: 'votre inscription', en: 'your sign-up' },
  rsvp: { fr: 'votre participation', en: 'your attendance' },
} as const

const recorded = {
  signup: { fr: 'Votre inscription est enregistrée.', en: 'Your sign-up is recorded.' },
  rsvp: { fr: 'Votre participation est enregistrée.', en: 'Your attendance is recorded.' },
} as const

const style = `
  body { margin: 0; font: 1.0625rem/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fafafa; }
  main { max-width: 34rem; margin: 3rem auto; padding: 0 1.25rem; }
  section + section { margin-top: 2.5rem; padding-top: 1.5rem; border-top: 1px solid #ccc; }
  h1, h2 { line-height: 1.2; }
  button { font: inherit; font-weight: 600; padding: 0.75rem 1.5rem; border: 0; border-radius: 0.375rem;
    color: #fff; background: #1f3a93; cursor: pointer; }
  button:focus-visible { outline: 3px solid #e8a600; outline-offset: 2px; }
`

function page(title: string, body: unknown) {
  return html`<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <meta name="robots" content="noindex" />
    <title>${title}</title>
    <style>${style}</style>
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>`
}

// Each language has its own button, so that a reader of either finds one in their language.
function confirmForm(token: string, label: string, language: 'fr' | 'en') {
  return html`<form method="post" action="confirm" lang="${language}">
  <input type="hidden" name="token" value="${token}" />
  <button type="submit">${label}</button>
</form>`
}

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
