import type { Messages } from '../../i18n/common.js'

/** The RSVP form: labels, the API's rules in the visitor's words, and the answers. */
export const rsvpMessages: Messages<
  | 'givenName'
  | 'familyName'
  | 'email'
  | 'postcode'
  | 'phone'
  | 'submit'
  | 'submitWaitlist'
  | 'sending'
  | 'waitlistNotice'
  | 'givenNameMissing'
  | 'familyNameMissing'
  | 'emailMissing'
  | 'postcodeInvalid'
  | 'consentMissing'
  | 'consentChanged'
  | 'going'
  | 'waitlisted'
  | 'pending'
  | 'closedNow'
> = {
  fr: {
    givenName: 'Prénom',
    familyName: 'Nom',
    email: 'Adresse e-mail',
    postcode: 'Code postal',
    phone: 'Téléphone',
    submit: "Je m'inscris",
    submitWaitlist: "M'inscrire sur la liste d'attente",
    sending: 'Envoi en cours…',
    waitlistNotice:
      "C'est complet, mais vous pouvez vous inscrire sur la liste d'attente : nous vous écrirons si une place se libère.",
    givenNameMissing: 'Entrez votre prénom.',
    familyNameMissing: 'Entrez votre nom.',
    emailMissing: 'Entrez votre adresse e-mail.',
    postcodeInvalid: 'Entrez votre code postal : cinq chiffres, par exemple 75011.',
    consentMissing:
      'Cochez cette case pour vous inscrire : sans votre accord, votre participation ne peut pas être enregistrée.',
    consentChanged: 'Ce texte vient d’être mis à jour : relisez-le, puis cochez la case à nouveau.',
    going:
      "C'est noté ! Vous êtes inscrit·e. Nous venons de vous envoyer un e-mail : confirmez votre adresse pour recevoir les détails.",
    waitlisted:
      "Vous êtes sur la liste d'attente (position {n}). Nous vous écrirons dès qu'une place se libère ; confirmez d'ici là votre adresse grâce à l'e-mail que nous venons de vous envoyer.",
    pending:
      "Presque fini : confirmez votre adresse grâce à l'e-mail que nous venons de vous envoyer pour valider votre inscription.",
    closedNow: "Les inscriptions viennent de fermer : l'action est complète, annulée ou terminée.",
  },
  en: {
    givenName: 'Given name',
    familyName: 'Family name',
    email: 'E-mail address',
    postcode: 'Postcode',
    phone: 'Phone',
    submit: 'Sign me up',
    submitWaitlist: 'Join the waiting list',
    sending: 'Sending…',
    waitlistNotice: 'It is full, but you can join the waiting list: we will write to you if a spot frees up.',
    givenNameMissing: 'Enter your given name.',
    familyNameMissing: 'Enter your family name.',
    emailMissing: 'Enter your e-mail address.',
    postcodeInvalid: 'Enter your postcode: five digits, such as 75011.',
    consentMissing: 'Tick this box to register: without your consent, your participation cannot be recorded.',
    consentChanged: 'This text has just been updated: read it again, then tick the box again.',
    going:
      "You're in! You are registered. We have just sent you an e-mail: confirm your address to receive the details.",
    waitlisted:
      'You are on the waiting list (position {n}). We will write to you as soon as a spot frees up; meanwhile, confirm your address with the e-mail we have just sent you.',
    pending: 'Almost done: confirm your address with the e-mail we have just sent you to complete your registration.',
    closedNow: 'Registrations have just closed: the action is full, cancelled or over.',
  },
}
