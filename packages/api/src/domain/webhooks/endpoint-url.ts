import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { DomainError } from '../errors.js'
import { isForbiddenAddress } from './forbidden-addresses.js'
import type { WebhookSettings } from './settings.js'

const refuse = (message: string) => new DomainError('invalid', message, [{ path: 'url', message }])

/**
 * Checks where an endpoint would send events, before it is saved: an https URL whose host resolves
 * only to public addresses. Otherwise a key holder could make this server call its own network (the
 * cloud metadata service, a database's HTTP port): server-side request forgery. Delivery checks
 * again, since DNS answers change. The development mode accepts plain http and any address.
 */
export async function checkEndpointUrl(raw: string, settings: WebhookSettings): Promise<string> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw refuse('Give the absolute URL of your receiver, such as https://crm.example.org/webhooks/relais.')
  }
  const plainHttpAllowed = settings.allowPrivate && url.protocol === 'http:'
  if (url.protocol !== 'https:' && !plainHttpAllowed) {
    throw refuse(
      url.protocol === 'http:'
        ? 'Webhooks are sent over https only: events and their signatures must not cross the network in clear.'
        : `Webhooks are sent over https: ${url.protocol} URLs are not accepted.`,
    )
  }
  if (url.username || url.password) {
    throw refuse('Put no user name or password in the URL: the webhook-signature header proves who is calling.')
  }
  if (!settings.allowPrivate) await checkPublicHost(url.hostname)
  return url.toString()
}

async function checkPublicHost(hostname: string): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, '')
  let addresses: string[]
  if (isIP(host)) {
    addresses = [host]
  } else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((found) => found.address)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'no answer'
      throw refuse(`${host} does not resolve (${code}): give a host name this server can reach.`)
    }
  }
  const forbidden = addresses.find(isForbiddenAddress)
  if (forbidden) {
    const which = forbidden === host ? host : `${host} resolves to ${forbidden}, which`
    throw refuse(
      `${which} is a loopback, private, link-local, shared or reserved address: webhooks are only sent to ` +
        'public addresses. (A development server accepts them with RELAIS_WEBHOOKS_ALLOW_PRIVATE=1.)',
    )
  }
}
