import { html, type TemplateResult } from 'lit'
import type { ApiTarget } from '../../internal/api.js'
import type { RsvpDetail } from '../event/event.js'
import '../event/index.js'
import type { Initiative } from '../event/initiative.js'

// The inline RSVP form, loaded with `relais-event` the first time someone clicks "Je participe":
// most visitors of a list never do, and the list has the tightest size budget.

/** The list's state the form reads and changes (private members of `RelaisEventList`). */
export interface InlineRsvpHost {
  initiatives: Initiative[]
  readonly target: ApiTarget
  readonly theme: string
}

/** The RSVP form under an initiative; a registration updates the spots left in the list. */
export function inlineRsvp(list: InlineRsvpHost, initiative: Initiative): TemplateResult {
  const { api, key, lang } = list.target
  const registered = ({ detail }: CustomEvent<RsvpDetail>) => {
    list.initiatives = list.initiatives.map((shown) =>
      shown.id === detail.initiative_id ? { ...shown, spots_left: detail.spots_left } : shown,
    )
  }
  return html`<div class="rsvp" id="r-${initiative.id}">
    <relais-event
      compact
      initiative=${initiative.id}
      .initiativeData=${initiative}
      api=${api}
      key=${key}
      lang=${lang}
      theme=${list.theme}
      @relais-rsvp=${registered}
    ></relais-event>
  </div>`
}
