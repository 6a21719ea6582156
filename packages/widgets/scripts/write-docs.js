// Writes custom-elements.json (the analyzer's manifest, from the widgets' JSDoc) and, from it, the
// widget reference docs/widgets.md. Both are generated: edit the JSDoc, scripts/docs/*, then run
// `pnpm --filter @relais/widgets generate`. With --check, writes nothing and fails when either is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import { cli } from '@custom-elements-manifest/analyzer/cli.js'
import { examples } from './docs/examples.js'
import { sharedProperties } from './docs/theme.js'

const root = new URL('../', import.meta.url)
const manifestFile = new URL('custom-elements.json', root)
const docsFile = new URL('../../docs/widgets.md', root)
const check = process.argv.includes('--check')
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'))

const manifest = await cli({ argv: ['analyze', '--quiet'], cwd: root.pathname, noWrite: true })
const widgets = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.tagName)
  .sort((a, b) => order(a.tagName) - order(b.tagName))
const base = manifest.modules.flatMap((module) => module.declarations ?? []).find((d) => d.name === 'RelaisElement')

// The catalogue's order: what visitors act on first, then the smaller widgets.
function order(tag) {
  const known = ['relais-event-list', 'relais-event', 'relais-signup-form', 'relais-group-finder']
  const index = known.indexOf(tag)
  return index < 0 ? known.length : index
}

const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim()
const code = (text) => (text === undefined || text === '' || text === "''" ? '—' : `\`${cell(text)}\``)
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
    '\n',
  )
const fence = (lang, text) => `\`\`\`${lang}\n${text}\n\`\`\``

/** `<relais-config>` takes the same names as `Relais.configure`: the fields of `RelaisDefaults`. */
function pageDefaults() {
  const source = readFileSync(new URL('src/internal/namespace.ts', root), 'utf8')
  const body = /interface RelaisDefaults \{([^}]*)\}/.exec(source)?.[1] ?? ''
  const names = [...body.matchAll(/^\s*(\w+)\?:/gm)].map(([, name]) => name)
  const described = {
    api: 'API origin, for widgets loaded from another server than the API.',
    key: 'Publishable key (`pk_…`) allowed for this site’s origin.',
    group: 'Group id (`grp_…`) of the widgets that show or join a group.',
    lang: 'Language of the widgets, `fr` or `en`, when it is not that of the page.',
  }
  const unknown = names.filter((name) => !described[name])
  if (unknown.length || names.length !== Object.keys(described).length) {
    throw new Error(`write-docs.js: describe the page defaults ${unknown.join(', ')} (RelaisDefaults changed)`)
  }
  return names.map((name) => [code(name), described[name]])
}

function attributeRows(widget, inherited) {
  const members = widget.members ?? []
  const rows = (widget.attributes ?? [])
    .filter((a) => Boolean(a.inheritedFrom) === inherited)
    .map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), cell(a.description)])
  const properties = members.filter(
    (m) =>
      m.kind === 'field' &&
      (m.privacy ?? 'public') === 'public' &&
      !m.attribute &&
      !m.static &&
      Boolean(m.inheritedFrom) === inherited,
  )
  for (const p of properties) {
    const description = `${cell(p.description)}${p.readonly ? ' Read-only.' : ''} JavaScript property only.`
    rows.push(['—', code(p.name), code(p.type?.text), code(p.default), description])
  }
  return rows
}

function widgetSection(widget) {
  const tag = widget.tagName
  const example = examples[tag]
  if (!example) throw new Error(`scripts/docs/examples.js has no example for <${tag}>`)
  const parts = widget.cssParts ?? []
  const properties = widget.cssProperties ?? []
  const events = widget.events ?? []
  return [
    `## \`<${tag}>\``,
    cell(widget.summary ?? widget.description),
    fence('html', example.html),
    '### Attributes and properties',
    table(['Attribute', 'Property', 'Type', 'Default', 'Description'], attributeRows(widget, false)),
    `Plus the [common attributes](#common-attributes): ${(base?.attributes ?? []).map((a) => `\`${a.name}\``).join(', ')}.`,
    '### Events',
    table(
      ['Event', 'When, and its `detail`'],
      events.map((e) => [code(e.name), cell(e.description)]),
    ),
    fence('js', example.js),
    '### CSS parts',
    `Style them from the page with \`${tag}::part(name)\`.`,
    table(
      ['Part', 'What it is'],
      parts.map((p) => [code(p.name), cell(p.description)]),
    ),
    fence('css', example.css),
    '### CSS custom properties',
    table(
      ['Property', 'What it paints'],
      properties.map((p) => [code(p.name), cell(p.description)]),
    ),
    'And every [shared property](#theming).',
  ].join('\n\n')
}

function theming() {
  const shared = sharedProperties(new URL('src/internal/styles.ts', root))
  const sharedNames = new Set(shared.map((p) => p.name))
  const own = widgets.flatMap((w) =>
    (w.cssProperties ?? [])
      .filter((p) => !sharedNames.has(p.name))
      .map((p) => [code(p.name), `[\`<${w.tagName}>\`](#${w.tagName})`, cell(p.description)]),
  )
  return [
    '## Theming',
    'Every widget reads these custom properties, set on the widget, on a parent or on `:root`. The dark defaults ' +
      'apply with `theme="dark"`, and with `theme="auto"` when the visitor’s system is dark. A guide with a ' +
      'WordPress example: [theming.md](theming.md).',
    table(
      ['Property', 'Light default', 'Dark default', 'What it paints'],
      shared.map((p) => [code(p.name), code(p.light), code(p.dark ?? p.light), cell(p.description)]),
    ),
    'Properties of one widget:',
    table(['Property', 'Widget', 'What it paints'], own),
    fence(
      'css',
      `/* The whole campaign site in its colors, every widget at once. */
:root {
  --relais-color-accent: #003a70;
  --relais-color-accent-contrast: #ffffff;
  --relais-radius: 2px;
  --relais-font: 'Marianne', system-ui, sans-serif;
}`,
    ),
  ].join('\n\n')
}

function reference() {
  const common = table(['Attribute', 'Property', 'Type', 'Default', 'Description'], [...attributeRows(base, false)])
  return `${[
    '<!-- Generated from packages/widgets/custom-elements.json by packages/widgets/scripts/write-docs.js: do not edit.',
    'Change the JSDoc of the widget classes or scripts/docs/*, then run `pnpm --filter @relais/widgets generate`. -->',
  ].join('\n')}

# Widgets reference

Relais widgets are custom elements: they work in any page (WordPress, a static site, a single-page app) and
show the organization's live data through the public API. Each renders in its shadow DOM, so the page's CSS
does not break it; it is styled with [custom properties and parts](#theming).

${[
  '- [Install](#install)',
  '- [Page-wide settings](#page-wide-settings)',
  '- [Common attributes](#common-attributes)',
  '- [Events](#events)',
  ...widgets.map((w) => `- [\`<${w.tagName}>\`](#${w.tagName}) — ${cell(w.summary).split(/[:,]/)[0]}`),
  '- [Theming](#theming)',
].join('\n')}

## Install

${fence(
  'html',
  `<script type="module" src="https://relais.example.org/widgets/v1/relais.js"></script>

<relais-event-list key="pk_live_…" group="grp_…" limit="5">
  <a href="https://www.camille-martin.fr/agenda">Nos prochaines actions</a>
</relais-event-list>`,
)}

- **The loader** \`relais.js\` is small and loads a widget's code only when its tag is on the page, also when a
  single-page app adds the tag later. For an event list it asks for the first page at once, with the list's code,
  and the other widgets load once that page is shown. Loading it twice, or two versions of it, is harmless.
- **Versions.** \`/widgets/v1/\` follows the latest release of version 1 (cached for minutes);
  \`/widgets/${version}/\` never changes (cached for a year).
- **The API** is the server the script comes from, unless an \`api\` attribute says otherwise.
- **The key** is a publishable key allowed for your site's origin. An organizer creates it:
  \`pnpm relais keys create --org org_… --publishable --origin https://www.camille-martin.fr\`.
- **Downloads** are small: the event list with everything it needs is under 12 KB compressed; the server
  sends Brotli or gzip files prepared at build time. English texts are fetched only by widgets shown in English.
- **With a bundler** (Vite, webpack…), install \`@relais/widgets\` from npm and import only the widgets you use,
  \`import '@relais/widgets/event-list'\` (or \`@relais/widgets/loader\`); they share your copy of Lit, with types.
- **Without JavaScript**, or until the widget loads, the visitor sees what is inside the tag: put a link there.
- **Content-Security-Policy**: allow the API in \`script-src\` and \`connect-src\`, and \`blob:\` workers
  (\`script-src 'self' https://relais.example.org; connect-src https://relais.example.org; worker-src blob:\`).
  Widgets need no inline script and no inline style. The forms solve a small proof-of-work challenge instead of
  a CAPTCHA, in a worker: without \`worker-src blob:\` they solve it on the page, which works too. They need
  HTTPS (or localhost), where browsers offer the WebCrypto they hash with.

## Page-wide settings

Settings shared by every widget of a page go once in \`<relais-config>\` around them, or in
\`Relais.configure({...})\`. A widget takes each setting from its own attribute, else the nearest
\`<relais-config>\`, else \`Relais.configure\`; the language falls back to the page's \`lang\`, then French.

${table(['`<relais-config>` attribute, `Relais.configure` field', 'What it sets'], pageDefaults())}

${fence(
  'html',
  `<relais-config key="pk_live_…" group="grp_06crszbj92tfppw99bev0qh75g" lang="fr">
  <relais-counter><a href="/adherer">Nos adhérents</a></relais-counter>
  <relais-event-list limit="3"><a href="/agenda">Notre agenda</a></relais-event-list>
</relais-config>

<script type="module">
  // Or in a script of your site (after the loader): the same defaults for the whole page.
  Relais.configure({ key: 'pk_live_…', group: 'grp_06crszbj92tfppw99bev0qh75g' })
</script>`,
)}

\`Relais.version\` tells the version loaded.

## Common attributes

Every widget takes these:

${common}

## Events

Widgets tell the page what visitors do and what arrives: \`relais-load\`, \`relais-rsvp\`,
\`relais-signup\` and \`relais-error\` are \`CustomEvent\`s that bubble out of the shadow DOM (\`composed\`),
so one listener on \`document\` hears every widget. They fire after a visitor's action or an answer of
the API, never because the page changed an attribute. \`relais-error\`'s \`detail\` is \`{ status, problem }\`,
\`problem\` being the API's problem document (\`application/problem+json\`).

${fence(
  'js',
  `document.addEventListener('relais-error', (event) => {
  console.warn(\`\${event.target.localName}: \${event.detail.status}\`, event.detail.problem?.detail)
})`,
)}

${widgets.map(widgetSection).join('\n\n')}

${theming()}
`
}

const outputs = [
  [manifestFile, `${JSON.stringify(manifest, null, 2)}\n`],
  [docsFile, reference()],
]
let stale = false
for (const [file, text] of outputs) {
  const current = (() => {
    try {
      return readFileSync(file, 'utf8')
    } catch {
      return undefined
    }
  })()
  if (current === text) continue
  if (check) {
    stale = true
    console.error(`${file.pathname} is stale: run pnpm --filter @relais/widgets generate`)
  } else {
    writeFileSync(file, text)
    console.log(`wrote ${file.pathname}`)
  }
}
if (stale) process.exit(1)
