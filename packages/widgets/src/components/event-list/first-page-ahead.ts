import { fetchAhead } from '../../internal/ahead.js'
import { settingOf, targetOf } from '../../internal/settings.js'
import { listDefaults, listQuery } from './list-query.js'

/**
 * For the loader: asks for a list's first page as soon as its tag is found, from the tag's
 * attributes as the list will read them, while the list's code is still downloading. The list's
 * own request, the same, then takes this answer (see `fetchAhead`); a list whose properties were set
 * otherwise asks for what it needs, and this answer goes unused.
 */
export function fetchFirstPageAhead(list: Element) {
  const target = targetOf(list, {})
  // Without a key the API refuses: the list will say so itself, with no error logged here before.
  if (!target.key) return
  const text = (name: string) => list.getAttribute(name) ?? ''
  const number = (name: string, fallback: number) => Number(list.getAttribute(name) ?? fallback)
  const attributes = {
    includeSubgroups: text('include-subgroups') !== 'false',
    kind: text('kind'),
    tag: text('tag'),
    near: text('near'),
    radiusKm: number('radius-km', listDefaults.radiusKm),
    limit: number('limit', listDefaults.limit),
  }
  const query = listQuery(attributes, settingOf(list, 'group'))
  fetchAhead(target, '/v1/initiatives', { query })
}
