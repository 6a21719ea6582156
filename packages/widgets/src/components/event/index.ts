import { define } from '../../internal/define.js'
import { RelaisEvent } from './event.js'

define('relais-event', RelaisEvent)

export { RelaisEvent }

declare global {
  interface HTMLElementTagNameMap {
    'relais-event': RelaisEvent
  }
}
