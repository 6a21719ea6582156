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
  | 'checkEmail'
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
    checkEmail:
      'Merci ! Vérifiez votre boîte e-mail : cliquez sur le lien que nous venons de vous envoyer pour confirmer votre place. Aucune place n’est réservée avant.',
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
    checkEmail:
      'Thank you! Check your e-mail: follow the link we have just sent you to confirm your place. No place is held until then.',
    closedNow: 'Registrations have just closed: the action is full, cancelled or over.',
  },
}
