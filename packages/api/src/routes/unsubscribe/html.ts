import { html } from 'hono/html'
import { htmlPage, linkPageStyle, tokenForm } from '../common/html-page.js'

const unsubscribeForm = (token: string, label: string, language: 'fr' | 'en') =>
  tokenForm('unsubscribe', token, label, language)
const page = (title: string, body: unknown) => htmlPage({ title, body, style: linkPageStyle })

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
