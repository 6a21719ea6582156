import { format, type Messages } from '../../i18n/common.js'
import { type ApiTarget, apiGet } from '../../internal/api.js'
import type { Lang } from '../../internal/relais-element.js'
import type { Initiative } from '../event/initiative.js'
import type { EventListLoadDetail, RelaisEventList } from './event-list.js'

// "Voir plus", loaded on its first click: most visitors never ask for a second page, and the list
// has the tightest size budget. A failure here (the API's, or this file's own download) is an
// error the list shows with its retry button.

const messages: Messages<'loadedMore'> = {
  fr: { loadedMore: '{n} actions de plus affichées.' },
  en: { loadedMore: '{n} more actions shown.' },
}

/** The list's state that loading a page changes (private members of `RelaisEventList`). */
export interface MoreHost {
  initiatives: Initiative[]
  nextCursor: string | null
  readonly shadowRoot: ShadowRoot | null
  readonly updateComplete: Promise<boolean>
  announcement: string
  readonly language: Lang
  readonly target: ApiTarget
  query: (cursor?: string) => ReturnType<RelaisEventList['query']>
  emit: RelaisEventList['emit']
}

/** Appends the next page (without the ones already shown), says so to screen readers, and moves focus to its first initiative. */
export async function nextPage(list: MoreHost, asked: string): Promise<void> {
  const page = await apiGet(list.target, '/v1/initiatives', { query: list.query(list.nextCursor ?? undefined) })
  // The filters changed meanwhile: this page belongs to the former list.
  if (asked !== JSON.stringify(list.query())) return
  const shown = new Set(list.initiatives.map((initiative) => initiative.id))
  const added = page.data.filter((initiative) => !shown.has(initiative.id))
  list.initiatives = [...list.initiatives, ...added]
  list.nextCursor = page.next_cursor
  list.announcement = format(messages[list.language].loadedMore, { n: added.length })
  list.emit<EventListLoadDetail>('relais-load', { count: list.initiatives.length, next_cursor: page.next_cursor })
  // Keyboard and screen reader users go on reading from the first new initiative, once it is shown.
  await list.updateComplete
  if (added[0]) list.shadowRoot?.getElementById(`t-${added[0].id}`)?.focus()
}
