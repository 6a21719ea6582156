import { initiativeTexts, kindLabels } from './initiative.js'

kindLabels.en = {
  meeting: 'Meeting',
  canvassing: 'Canvassing',
  leafleting: 'Leafleting',
  phone_bank: 'Phone bank',
  rally: 'Rally',
  online: 'Online',
  other: 'Other',
}

initiativeTexts.en = {
  online: 'Online',
  spotsOne: '1 spot left',
  spotsMany: '{n} spots left',
  full: 'Full',
  fullWaitlist: 'Full — waiting list',
  calendar: 'Add to calendar',
}
