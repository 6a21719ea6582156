import { relaisNamespace } from './internal/namespace.js'

// The loader stays tiny: it knows the tag names and fetches a widget's code only when its tag is
// on the page, now or later (single-page apps insert tags after load).
const tags = [
  'relais-event-list',
  'relais-event',
  'relais-signup-form',
  'relais-group-finder',
  'relais-activity-feed',
  'relais-counter',
]

const relais = relaisNamespace()
relais.scriptOrigin ??= new URL(import.meta.url).origin
const requested = new Set<string>()

function load(tag: string) {
  if (requested.has(tag) || customElements.get(tag)) return
  requested.add(tag)
  import(new URL(`./${tag}.js`, import.meta.url).href).catch((error: unknown) => {
    requested.delete(tag)
    console.error(`Relais: could not load ${tag}`, error)
  })
}

function scan(root: ParentNode) {
  for (const tag of tags) if (root.querySelector(tag)) load(tag)
}

function watch(node: Node) {
  if (!(node instanceof Element)) return
  if (tags.includes(node.localName)) load(node.localName)
  if (node.firstElementChild) scan(node)
}

scan(document)
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) watch(node)
}).observe(document.documentElement, { childList: true, subtree: true })
