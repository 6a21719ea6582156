import { readdirSync, readFileSync, rmSync } from 'node:fs'
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import esbuild from 'rollup-plugin-esbuild'

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))
const widgets = readdirSync(new URL('./src/components', import.meta.url))

// The CDN build: `relais.js` (the loader) and one `relais-<name>.js` per widget, minified, with
// Lit and the shared internals in hashed chunks loaded once for all widgets.
const replaceVersion = {
  name: 'relais-version',
  transform: (code) => (code.includes('__RELAIS_VERSION__') ? code.replaceAll('__RELAIS_VERSION__', version) : null),
}

// Chunk names carry hashes: without a clean folder, old chunks pile up and skew the size budgets.
const cleanOutput = {
  name: 'relais-clean-output',
  buildStart: () => rmSync(new URL('./cdn', import.meta.url), { recursive: true, force: true }),
}

export default {
  input: {
    relais: 'src/loader.ts',
    ...Object.fromEntries(widgets.map((name) => [`relais-${name}`, `src/components/${name}/index.ts`])),
  },
  output: {
    dir: 'cdn',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    manualChunks: (id) => (id.includes('node_modules') ? 'lit' : undefined),
  },
  plugins: [
    cleanOutput,
    replaceVersion,
    nodeResolve(),
    esbuild({ target: 'es2021', tsconfig: 'tsconfig.json' }),
    // Lit templates and styles are strings terser cannot see into: minify their HTML and CSS.
    minifyHtmlLiterals(),
    terser({ ecma: 2021, module: true, format: { comments: false } }),
  ],
}
