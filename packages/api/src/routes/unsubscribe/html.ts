import { html } from 'hono/html'

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

function unsubscribeForm(token: string, label: string, language: 'fr' | 'en') {
  return html`<form method="post" action="unsubscribe" lang="${language}">
  <input type="hidden" name="token" value="${token}" />
  <button type="submit">${label}</button>
</form>`
}

/** What an unsubscribe link opens: nothing changes until the person presses the button. */
export function askPage(token: string, organizationName: string) {
  return page(
    'Se désabonner',
    html`<section>
  <h1>Ne plus recevoir de messages</h1>
  <p>Vous ne recevrez plus les messages d’information de ${organizationName}. Les e-mails que vous demandez vous-même
    (confirmation d’une inscription à un événement, par exemple) continuent d’arriver.</p>
  ${unsubscribeForm(token, 'Me désabonner', 'fr')}
</section>
<section lang="en">
  <h2>Stop receiving messages</h2>
  <p>You will no longer receive the news of ${organizationName}. E-mails you ask for yourself (such as the
    confirmation of an event registration) still arrive.</p>
  ${unsubscribeForm(token, 'Unsubscribe me', 'en')}
</section>`,
  )
}

export function donePage() {
  return page(
    'Désabonnement enregistré',
    html`<section role="status">
  <h1>Vous êtes désabonné·e</h1>
  <p>Vous ne recevrez plus nos messages d’information. Vous pouvez fermer cette page.</p>
</section>
<section lang="en">
  <h2>You are unsubscribed</h2>
  <p>You will no longer receive our news. You may close this page.</p>
</section>`,
  )
}

export function unusablePage() {
  return page(
    'Lien inutilisable',
    html`<section role="alert">
  <h1>Ce lien ne fonctionne pas</h1>
  <p>Il est incomplet ou ne correspond à aucun message. Copiez l’adresse complète depuis l’e-mail reçu.</p>
</section>
<section lang="en">
  <h2>This link does not work</h2>
  <p>It is incomplete or matches no message. Copy the whole address from the e-mail you received.</p>
</section>`,
  )
}
