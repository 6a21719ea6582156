import { define } from '../../internal/define.js'
import { RelaisEventList } from './event-list.js'

define('relais-event-list', RelaisEventList)

export { RelaisEventList }

declare global {
  interface HTMLElementTagNameMap {
    'relais-event-list': RelaisEventList
  }
}
