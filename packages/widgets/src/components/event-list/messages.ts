import { frenchFirst } from '../../i18n/common.js'

/** English: `messages.en.ts`. */
export const messages = frenchFirst({
  empty: 'Aucune action prévue pour le moment. Revenez bientôt ou proposez-en une !',
  more: 'Voir plus',
  rsvp: 'Je participe',
  list: 'Actions à venir',
})
