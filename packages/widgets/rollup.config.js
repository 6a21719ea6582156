import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import esbuild from 'rollup-plugin-esbuild'
import { precompress } from './scripts/precompress.js'

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))
const widgets = readdirSync(new URL('./src/components', import.meta.url))

// The CDN build: `relais.js` (the loader) and one `relais-<name>.js` per widget, minified, with
// Lit and the shared internals in hashed chunks loaded once for all widgets.
const replaceVersion = {
  name: 'relais-version',
  transform: (code) => (code.includes('__RELAIS_VERSION__') ? code.replaceAll('__RELAIS_VERSION__', version) : null),
}

// What every widget loads, in one file (each file costs a request and its own gzip start): Lit's
// core and the shared internals. Lit's directives and decorators stay out, placed by Rollup with
// the widgets that use them.
const core = [
  /\/node_modules\/(lit\/index|lit-element\/lit-element|lit-html\/(lit-html|is-server))\.js$/,
  /\/node_modules\/@lit\/reactive-element\/(reactive-element|css-tag)\.js$/,
  /\/src\/internal\/(api|define|namespace|relais-element|resource|settings|states|styles)\.ts$/,
  /\/src\/i18n\/(common|dates)\.ts$/,
]

// Chunk names carry hashes: without a clean folder, old chunks pile up and skew the size budgets.
// The widgets' build empties it of its own files only: `relais.js` comes from the loader's build.
const cdn = new URL('./cdn/', import.meta.url)
const cleanOutput = {
  name: 'relais-clean-output',
  buildStart: () => {
    rmSync(new URL('chunks', cdn), { recursive: true, force: true })
    for (const file of existsSync(cdn) ? readdirSync(cdn) : []) {
      if (file.startsWith('relais-')) rmSync(new URL(file, cdn), { recursive: true, force: true })
    }
  },
}

// The loader's list of the event list's chunks (see src/lead-chunks.ts), read from the widgets' build
// just written: the files `relais-event-list.js` imports statically.
const leadChunks = {
  name: 'relais-lead-chunks',
  load(id) {
    if (!id.endsWith('/src/lead-chunks.ts')) return null
    const list = readFileSync(new URL('relais-event-list.js', cdn), 'utf8')
    const chunks = [...list.matchAll(/(?:import|from)\s*["']\.\/(chunks\/[\w.-]+\.js)["']/g)].map((match) => match[1])
    return `export const leadChunks = ${JSON.stringify(chunks)}`
  },
}

const plugins = () => [
  replaceVersion,
  nodeResolve(),
  esbuild({ target: 'es2021', tsconfig: 'tsconfig.json' }),
  // Lit templates and styles are strings terser cannot see into: minify their HTML and CSS.
  minifyHtmlLiterals(),
  terser({ ecma: 2021, module: true, compress: { passes: 2 }, format: { comments: false } }),
  precompress(),
]

export default [
  {
    input: Object.fromEntries(widgets.map((name) => [`relais-${name}`, `src/components/${name}/index.ts`])),
    // A widget's lazily loaded parts (its English texts, "Voir plus"…) import from the widget's own
    // file rather than splitting it into a chunk behind a one-line facade.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'cdn',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks: (id) => (core.some((pattern) => pattern.test(id)) ? 'core' : undefined),
    },
    plugins: [cleanOutput, ...plugins()],
  },
  // The loader is built on its own, after the widgets: it carries its own copy of the tiny modules it
  // shares with them (the namespace, the list's query) instead of sharing chunks, which it would then
  // load as more files. Both copies create or reuse the same `globalThis.Relais`.
  {
    input: { relais: 'src/loader.ts' },
    output: { dir: 'cdn', format: 'es', entryFileNames: '[name].js' },
    plugins: [leadChunks, ...plugins()],
  },
]
