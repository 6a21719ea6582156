// The custom properties every widget shares, read from `baseStyles` (src/internal/styles.ts): names
// and light/dark defaults come from the stylesheet itself, what each one paints from the table below.
import { readFileSync } from 'node:fs'

const described = {
  '--relais-color-text': 'Text.',
  '--relais-color-background': 'Background of the widget.',
  '--relais-color-muted': 'Secondary text: hints, times, counts.',
  '--relais-color-border': 'Borders of fields, cards and separators.',
  '--relais-color-surface': 'Background of cards, notices, tags and loading placeholders.',
  '--relais-color-accent': 'Buttons, links, the focus ring and highlights.',
  '--relais-color-accent-contrast': 'Text on the accent color (buttons); keep a 4.5:1 contrast with it.',
  '--relais-color-danger': 'Errors: field messages and the error notice.',
  '--relais-color-success': 'Success messages.',
  '--relais-radius': 'Corner radius of buttons, fields and cards.',
  '--relais-spacing': 'The base spacing unit.',
  '--relais-font': 'Font family. Widgets do not inherit the page font: set it here (`inherit` does not work).',
  '--relais-font-size': 'Base font size; everything else scales with it.',
}

/** `--_x: var(--relais-x, default);` lines of one rule, in order. */
function defaultsIn(block) {
  return [...block.matchAll(/--_[\w-]+:\s*var\((--relais-[\w-]+),\s*(.+?)\);/g)].map(([, name, value]) => ({
    name,
    value,
  }))
}

function ruleBody(css, selector) {
  const start = css.indexOf(`${selector} {`)
  if (start < 0) throw new Error(`styles.ts has no "${selector}" rule`)
  return css.slice(start, css.indexOf('}', start))
}

/** Every shared `--relais-*` property: name, light default, dark default, description. */
export function sharedProperties(stylesFile) {
  const css = readFileSync(stylesFile, 'utf8')
  const light = defaultsIn(ruleBody(css, ':host'))
  const dark = new Map(defaultsIn(ruleBody(css, ":host([theme='dark'])")).map(({ name, value }) => [name, value]))
  const names = light.map(({ name }) => name)
  const missing = names.filter((name) => !described[name])
  const stale = Object.keys(described).filter((name) => !names.includes(name))
  if (missing.length || stale.length) {
    throw new Error(
      `scripts/docs/theme.js does not match src/internal/styles.ts: describe ${missing.join(', ') || '-'}; ` +
        `remove ${stale.join(', ') || '-'}`,
    )
  }
  return light.map(({ name, value }) => ({ name, light: value, dark: dark.get(name), description: described[name] }))
}
