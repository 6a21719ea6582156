import { define } from '../../internal/define.js'
import { RelaisActivityFeed } from './activity-feed.js'

define('relais-activity-feed', RelaisActivityFeed)

export { RelaisActivityFeed }

declare global {
  interface HTMLElementTagNameMap {
    'relais-activity-feed': RelaisActivityFeed
  }
}
