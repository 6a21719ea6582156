import { withoutControlCharacters } from '../initiatives/plain-text.js'

// Control characters other than tab and line breaks have no place in iCalendar TEXT (RFC 5545 §3.3.11);
// a pasted description may carry some, and a calendar app may then refuse the whole feed.
export function calendarText(text: string): string {
  return withoutControlCharacters(text)
}

/** Escapes TEXT for the properties the generator writes raw (the calendar's name). */
export function escapeText(text: string): string {
  return calendarText(text)
    .replace(/[\\;,]/g, (m) => `\\${m}`)
    .replace(/\r\n|\r|\n/g, '\\n')
}

/**
 * A URI value is not TEXT: a backslash before `,` or `;` would become part of the address. The
 * generator escapes them anyway, so they are percent-encoded first, which means the same in a URL.
 */
export function calendarUri(url: string): string {
  return calendarText(url).replace(/,/g, '%2C').replace(/;/g, '%3B').replace(/\s/g, '%20')
}
