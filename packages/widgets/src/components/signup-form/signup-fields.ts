import { format } from '../../i18n/common.js'
import { formatCount } from '../../i18n/dates.js'
import type { Schemas } from '../../internal/api.js'
import type { Field } from '../../internal/form.js'
import type { Lang } from '../../internal/relais-element.js'
import { safeUrl } from '../../internal/states.js'
import { messages } from './messages.js'

export type ConsentText = Schemas['ConsentText']
export type SignupPurpose = Schemas['ConsentGiven']['purpose']

/** The text of a purpose in the visitor's language, else the French one every organization has. */
export function textFor(texts: ConsentText[], purpose: SignupPurpose, lang: Lang): ConsentText | undefined {
  const of = texts.filter((text) => text.purpose === purpose)
  return of.find((text) => text.language === lang) ?? of.find((text) => text.language === 'fr') ?? of[0]
}

/** The page the form is on, without its fragment, as the API accepts it (http(s), 2000 characters). */
export function pageAddress(source: string): string | undefined {
  const url = safeUrl(source || location.href)
  const page = url?.split('#')[0]
  return page && page.length <= 2000 ? page : undefined
}

/** "Rejoindre votre section locale : Section Paris 11e", or the nearest one with its distance. */
export function sectionLabel(section: Schemas['Group'], lang: Lang): string {
  const m = messages[lang]
  const km = section.distance_km ?? 0
  return km > 0
    ? format(m.nearestSection, { name: section.name, km: formatCount(km, lang) })
    : format(m.localSection, { name: section.name })
}

interface Shown {
  membership: ConsentText | undefined
  news: ConsentText | undefined
  /** The label of the local section box, when a section is offered. */
  section: string | undefined
}

/** The fields of `Signup` with the API's limits, in form order; each consent box is labelled by its text. */
export function signupFields(lang: Lang, shown: Shown): Field[] {
  const m = messages[lang]
  const person = (name: string, label: string, missing: string): Field => ({
    name,
    kind: 'text',
    label,
    required: true,
    maxLength: 100,
    missing,
  })
  const consent = (text: ConsentText | undefined, required: boolean): Field[] =>
    text
      ? [
          {
            name: text.purpose,
            kind: 'consent',
            label: text.text,
            required,
            missing: m.membershipMissing,
            rejected: m.consentStale,
          },
        ]
      : []
  return [
    person('given_name', m.givenName, m.givenNameMissing),
    person('family_name', m.familyName, m.familyNameMissing),
    { name: 'email', kind: 'email', label: m.email, required: true, maxLength: 254, missing: m.emailMissing },
    {
      name: 'postcode',
      kind: 'postcode',
      label: m.postcode,
      required: true,
      hint: m.postcodeHint,
      missing: m.postcodeMissing,
    },
    { name: 'phone', kind: 'phone', label: m.phone },
    { name: 'group_id', kind: 'choice', label: shown.section ?? '', rejected: m.groupRejected },
    ...consent(shown.membership, true),
    ...consent(shown.news, false),
  ]
}
