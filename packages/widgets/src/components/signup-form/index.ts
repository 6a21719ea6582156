import { define } from '../../internal/define.js'
import { RelaisSignupForm } from './signup-form.js'

define('relais-signup-form', RelaisSignupForm)

export { RelaisSignupForm }

declare global {
  interface HTMLElementTagNameMap {
    'relais-signup-form': RelaisSignupForm
  }
}
