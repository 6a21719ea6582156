import { html, type TemplateResult } from 'lit'
import { safeUrl } from '../../internal/states.js'

const written = /\bhttps?:\/\/[^\s<>"]+/gi
const closing = '.,;:!?»"\''

/** A link written in a sentence ends before the sentence's punctuation and an unpaired parenthesis. */
function trim(candidate: string): string {
  let url = candidate
  while (url.length > 0) {
    const last = url.charAt(url.length - 1)
    const unpaired = last === ')' && url.split('(').length < url.split(')').length
    if (!closing.includes(last) && !unpaired) break
    url = url.slice(0, -1)
  }
  return url
}

/**
 * Organizer text as text and link nodes, never as HTML: the links written out in it become links
 * when they are http(s), anything else (`javascript:`, markup) stays visible text.
 */
export function linkify(text: string): (string | TemplateResult)[] {
  const nodes: (string | TemplateResult)[] = []
  let from = 0
  for (const match of text.matchAll(written)) {
    const url = trim(match[0])
    const href = safeUrl(url)
    if (!href || !url) continue
    nodes.push(text.slice(from, match.index), html`<a href=${href} rel="nofollow ugc noopener">${url}</a>`)
    from = match.index + url.length
  }
  nodes.push(text.slice(from))
  return nodes
}
