import { define } from '../../internal/define.js'
import { RelaisCounter } from './counter.js'

define('relais-counter', RelaisCounter)

export { RelaisCounter }

declare global {
  interface HTMLElementTagNameMap {
    'relais-counter': RelaisCounter
  }
}
