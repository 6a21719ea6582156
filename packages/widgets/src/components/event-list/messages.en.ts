import { messages } from './messages.js'

messages.en = {
  empty: 'No actions planned for now. Come back soon, or propose one!',
  more: 'Show more',
  rsvp: "I'll be there",
  list: 'Upcoming actions',
}
