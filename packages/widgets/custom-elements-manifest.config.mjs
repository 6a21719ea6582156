// `custom-elements.json`, from the JSDoc of the widget classes (`pnpm manifest`; `pnpm generate`
// also writes docs/widgets.md from it). The base element is analysed too, so that every widget lists the
// attributes it inherits (`api`, `key`, `lang`, `theme`).

const isStringUnion = (ts, type) =>
  ts.isUnionTypeNode(type) && type.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))

/**
 * What the analyzer gets wrong about these classes: it takes private reactive state for attributes
 * and the `emit(name, …)` helper for an event named "name", keeps a property's one-line doc over
 * the fuller `@attr` text written for webmasters, and names types by aliases a page never sees.
 */
function relaisManifest() {
  const aliases = new Map()
  const attributeDocs = new Map()
  return {
    name: 'relais-manifest',
    analyzePhase({ ts, node }) {
      if (ts.isTypeAliasDeclaration(node) && isStringUnion(ts, node.type))
        aliases.set(node.name.text, node.type.getText())
      if (!ts.isClassDeclaration(node) || !node.name) return
      const docs = new Map()
      for (const tag of ts.getJSDocTags(node)) {
        if (tag.tagName.text !== 'attr') continue
        const [, name, text] = /^(\S+)\s+-\s+([\s\S]+)$/.exec(ts.getTextOfJSDocComment(tag.comment) ?? '') ?? []
        if (name) docs.set(name, text.replace(/\s+/g, ' ').trim())
      }
      attributeDocs.set(node.name.text, docs)
    },
    packageLinkPhase({ customElementsManifest }) {
      // The file system decides the order of the globs: sorted, the manifest changes only with the code.
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      const resolve = (type) => {
        if (!type?.text) return
        type.text = type.text.replace(/\b[A-Z]\w*\b/g, (name) => aliases.get(name) ?? name)
      }
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue
          const hidden = new Set(
            (declaration.members ?? []).filter((m) => m.privacy && m.privacy !== 'public').map((m) => m.name),
          )
          for (const member of declaration.members ?? []) {
            if (hidden.has(member.name)) delete member.attribute
            resolve(member.type)
          }
          if (declaration.attributes) {
            declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName))
            for (const attribute of declaration.attributes) {
              const doc = attributeDocs.get(declaration.name)?.get(attribute.name)
              if (doc) attribute.description = doc
              resolve(attribute.type)
            }
          }
          // Every real event is documented with `@fires`; the undocumented one is `emit`'s parameter.
          if (declaration.events) declaration.events = declaration.events.filter((e) => e.description)
        }
      }
    },
  }
}

export default {
  globs: ['src/components/*/*.ts', 'src/internal/relais-element.ts'],
  // Stylesheets and messages are no API: left out, the manifest changes only when the API does.
  exclude: ['**/*.test.ts', '**/*.fixtures.ts', '**/*.styles.ts', '**/*messages.ts'],
  litelement: true,
  // The analyzer would otherwise rewrite the `customElements` field of package.json on every run.
  packagejson: false,
  plugins: [relaisManifest()],
}
