import type { Messages } from '../../i18n/common.js'

export const messages: Messages<
  | 'empty'
  | 'list'
  | 'reconnecting'
  | 'newMany'
  | 'initiativePublished'
  | 'initiativePublishedOnline'
  | 'initiativeCancelled'
  | 'initiativeCancelledOnline'
  | 'groupCreated'
  | 'membersMilestone'
  | 'memberJoined'
  | 'memberJoinedSomewhere'
  | 'rsvpMilestone'
> = {
  fr: {
    empty: "Pas encore d'activité ici. Soyez le premier à agir !",
    list: 'Activité récente',
    reconnecting: 'Reconnexion…',
    newMany: '{n} nouvelles activités',
    initiativePublished: 'Nouvelle action : {title} — {commune}, {date}',
    initiativePublishedOnline: 'Nouvelle action : {title} — {date}',
    initiativeCancelled: 'Action annulée : {title} — {commune}, {date}',
    initiativeCancelledOnline: 'Action annulée : {title} — {date}',
    groupCreated: 'Nouveau groupe local : {name}',
    membersMilestone: '{count} membres !',
    memberJoined: '{given_name} a rejoint le mouvement',
    memberJoinedSomewhere: '{given_name} ({commune}) a rejoint le mouvement',
    rsvpMilestone: '{count} participants pour « {title} » !',
  },
  en: {
    empty: 'No activity here yet. Be the first to act!',
    list: 'Recent activity',
    reconnecting: 'Reconnecting…',
    newMany: '{n} new activities',
    initiativePublished: 'New action: {title} — {commune}, {date}',
    initiativePublishedOnline: 'New action: {title} — {date}',
    initiativeCancelled: 'Action cancelled: {title} — {commune}, {date}',
    initiativeCancelledOnline: 'Action cancelled: {title} — {date}',
    groupCreated: 'New local group: {name}',
    membersMilestone: '{count} members!',
    memberJoined: '{given_name} joined the movement',
    memberJoinedSomewhere: '{given_name} ({commune}) joined the movement',
    rsvpMilestone: '{count} people going to “{title}”!',
  },
}
