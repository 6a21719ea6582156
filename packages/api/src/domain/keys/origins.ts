/**
 * Whether a browser `Origin` is on a key's list. Entries are exact origins
 * (`https://candidate.fr`) or a wildcard for subdomains (`https://*.candidate.fr`).
 */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  const normalized = origin.toLowerCase()
  return allowed.some((entry) => {
    const rule = entry.toLowerCase()
    if (rule === normalized) return true
    const wildcard = /^(https?):\/\/\*\.(.+)$/.exec(rule)
    if (!wildcard) return false
    const [, scheme, domain] = wildcard
    return normalized.startsWith(`${scheme}://`) && normalized.endsWith(`.${domain}`)
  })
}

/** A valid entry for a key's allowed origins, or an explanation of what is wrong. */
export function checkOrigin(entry: string): string | null {
  const match = /^(https?):\/\/(\*\.)?([a-z0-9.-]+)(:\d{1,5})?$/i.exec(entry)
  if (!match)
    return 'An origin is a scheme and host without path, such as https://candidate.fr or https://*.candidate.fr.'
  return null
}
