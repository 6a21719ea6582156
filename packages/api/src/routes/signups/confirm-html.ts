import { html } from 'hono/html'
import type { ConfirmedRsvp } from '../../domain/rsvps/confirmed.js'
import { htmlPage, linkPageStyle, tokenForm } from '../common/html-page.js'

type Purpose = 'signup' | 'rsvp'

const what = {
  signup: { fr: 'votre inscription', en: 'your sign-up' },
  rsvp: { fr: 'votre participation', en: 'your attendance' },
} as const

const recorded = {
  signup: { fr: 'Votre inscription est enregistrée.', en: 'Your sign-up is recorded.' },
  // An RSVP's link says what it did with the place (`placeOutcome`); without one, only the address and consents count.
  rsvp: { fr: 'Vos choix sont enregistrés.', en: 'Your choices are recorded.' },
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

type PlaceOutcome = Pick<ConfirmedRsvp, 'title' | 'status' | 'waitlist_position'>

// What the confirmation of an RSVP did with the place; the title is escaped like any text here.
const placeOutcome = {
  fr: ({ title, status, waitlist_position }: PlaceOutcome) =>
    ({
      going: `Votre place à « ${title} » est réservée. Les détails vous sont envoyés par e-mail.`,
      waitlisted:
        `« ${title} » est complet : vous êtes sur la liste d’attente, en position ${waitlist_position}. ` +
        'Les places qui se libèrent sont attribuées dans l’ordre, et nous vous écrirons.',
      full: `« ${title} » est complet et n’a pas de liste d’attente : aucune place n’a pu vous être réservée.`,
      cancelled: `« ${title} » a été annulé : aucune place n’a été réservée.`,
      over: `« ${title} » est terminé : aucune place n’a été réservée.`,
    })[status],
  en: ({ title, status, waitlist_position }: PlaceOutcome) =>
    ({
      going: `Your place at “${title}” is booked. The details are on their way by e-mail.`,
      waitlisted:
        `“${title}” is full: you are on the waitlist, at position ${waitlist_position}. ` +
        'Places that free up go in order, and we will write to you.',
      full: `“${title}” is full and has no waitlist: no place could be booked for you.`,
      cancelled: `“${title}” was cancelled: no place was booked.`,
      over: `“${title}” is over: no place was booked.`,
    })[status],
}

/** After the link was followed: the address is confirmed and, for an RSVP, what happened to the place. */
export function confirmedPage(purpose: Purpose, rsvp?: PlaceOutcome) {
  return page(
    'Adresse confirmée',
    html`<section role="status">
  <h1>Merci, votre adresse est confirmée</h1>
  <p>${rsvp ? placeOutcome.fr(rsvp) : recorded[purpose].fr} Vous pouvez fermer cette page.</p>
</section>
<section lang="en">
  <h2>Thank you, your address is confirmed</h2>
  <p>${rsvp ? placeOutcome.en(rsvp) : recorded[purpose].en} You may close this page.</p>
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
