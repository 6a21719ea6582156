import type { Messages } from '../../i18n/common.js'

/** The detail of an initiative. */
export const messages: Messages<
  | 'empty'
  | 'when'
  | 'where'
  | 'online'
  | 'onlineLink'
  | 'spots'
  | 'organizer'
  | 'map'
  | 'mapArea'
  | 'addressHidden'
  | 'going'
  | 'waitlist'
  | 'tags'
  | 'cancelled'
  | 'past'
  | 'full'
  | 'rsvpTitle'
  | 'rsvpFor'
> = {
  fr: {
    empty: "Aucune action à afficher ici pour le moment. Retrouvez toutes les actions dans l'agenda.",
    when: 'Quand',
    where: 'Où',
    online: 'En ligne',
    onlineLink: 'Rejoindre en ligne ({host})',
    spots: 'Places',
    organizer: 'Organisé par',
    map: 'Voir sur la carte (OpenStreetMap)',
    mapArea: 'Voir le secteur sur la carte (OpenStreetMap)',
    addressHidden: "L'adresse exacte est communiquée aux personnes inscrites.",
    going: '{n} personnes inscrites',
    waitlist: "{n} en liste d'attente",
    tags: 'Thèmes',
    cancelled: "Cette action a été annulée : elle n'accepte plus d'inscriptions.",
    past: "Cette action est terminée : elle n'accepte plus d'inscriptions.",
    full: "Cette action est complète et n'a pas de liste d'attente. Retrouvez les autres actions dans l'agenda.",
    rsvpTitle: 'Je participe',
    rsvpFor: 'Inscription : {title}',
  },
  en: {
    empty: 'No action to show here for now. Find all the actions in the calendar.',
    when: 'When',
    where: 'Where',
    online: 'Online',
    onlineLink: 'Join online ({host})',
    spots: 'Spots',
    organizer: 'Organized by',
    map: 'See on the map (OpenStreetMap)',
    mapArea: 'See the area on the map (OpenStreetMap)',
    addressHidden: 'The exact address is given to the people registered.',
    going: '{n} people going',
    waitlist: '{n} on the waiting list',
    tags: 'Topics',
    cancelled: 'This action was cancelled: it no longer takes registrations.',
    past: 'This action is over: it no longer takes registrations.',
    full: 'This action is full and has no waiting list. Find the other actions in the calendar.',
    rsvpTitle: "I'll be there",
    rsvpFor: 'Registration: {title}',
  },
}
