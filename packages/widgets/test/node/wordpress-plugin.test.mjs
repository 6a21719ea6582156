// The WordPress plugin of examples/wordpress lists every tag and attribute WordPress must let through
// (its kses allowlist): a widget attribute missing there is silently deleted from authors' pages.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { it } from 'node:test'

const plugin = readFileSync(new URL('../../../../examples/wordpress/relais/relais.php', import.meta.url), 'utf8')
const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'))

const quoted = (text) => [...text.matchAll(/'([a-z-]+)'/g)].map(([, name]) => name)

/** `relais_tags()` of relais.php: tag → attributes, `$common` expanded. */
function pluginTags() {
  const body = /function relais_tags\(\): array \{([\s\S]*?)\n\}/.exec(plugin)?.[1] ?? ''
  const common = quoted(/\$common = array\(([^)]*)\)/.exec(body)?.[1] ?? '')
  const tags = {}
  for (const [, tag, list] of body.matchAll(/'(relais-[a-z-]+)'\s*=>\s*(.+),\n/g)) {
    tags[tag] = [...(list.includes('$common') ? common : []), ...quoted(list)]
  }
  return tags
}

it('allows every widget tag of the manifest with each of its attributes', () => {
  const tags = pluginTags()
  const widgets = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName)
  assert.ok(widgets.length >= 6)
  for (const widget of widgets) {
    const allowed = tags[widget.tagName]
    assert.ok(allowed, `relais.php lists <${widget.tagName}>`)
    const missing = widget.attributes.map((a) => a.name).filter((name) => !allowed.includes(name))
    assert.deepEqual(missing, [], `relais.php allows every attribute of <${widget.tagName}>`)
  }
  assert.deepEqual(tags['relais-config'].sort(), ['api', 'group', 'key', 'lang'])
})
