import { define } from '../../internal/define.js'
import { RelaisGroupFinder } from './group-finder.js'

define('relais-group-finder', RelaisGroupFinder)

export { RelaisGroupFinder }

declare global {
  interface HTMLElementTagNameMap {
    'relais-group-finder': RelaisGroupFinder
  }
}
