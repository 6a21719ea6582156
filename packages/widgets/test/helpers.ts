import { executeServerCommand } from '@web/test-runner-commands'

// What every widget test needs: the running API, a place to mount a widget, waiting for a state,
// and an accessibility check with axe in whatever state the widget is.
export interface TestApi {
  api: string
  key: string
  organizationId: string
}

declare global {
  interface Window {
    __relaisTest: TestApi
    axe: {
      run(context: Element, options?: object): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }>
    }
  }
}

export const testApi = (): TestApi => window.__relaisTest

/** Mounts markup in a fresh container and returns its first element. */
export function mount<T extends Element>(markup: string): T {
  const container = document.createElement('div')
  container.innerHTML = markup
  document.body.append(container)
  return container.firstElementChild as T
}

/** Mounts a widget in a column `width` pixels wide, a desktop page's or a phone's, and returns it. */
export function mountIn<T extends Element>(width: number, markup: string): T {
  const column = mount<HTMLElement>('<div></div>')
  column.style.width = `${width}px`
  column.innerHTML = markup
  return column.firstElementChild as T
}

/** The height a widget takes on the page: what moves the content under it when it changes. */
export const heightOf = (element: Element) => element.getBoundingClientRect().height

/**
 * How far a loading state may be from the loaded one: a line of text. The placeholders stand for
 * texts of typical lengths, which the API's texts wrap like give or take a line.
 */
export const oneLine = 24

export function cleanup() {
  for (const child of [...document.body.children]) if (child.localName === 'div') child.remove()
}

/** Waits until `check` returns something truthy, or fails with `what` after a while. */
export async function waitFor<T>(check: () => T | null | undefined | false, what: string, ms = 10_000): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = check()
    if (value) return value
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** Fails with the list of axe violations found in the element (shadow DOM included). */
export async function expectAccessible(element: Element) {
  const { violations } = await window.axe.run(element, { resultTypes: ['violations'] })
  if (violations.length > 0) {
    throw new Error(`axe: ${violations.map((v) => `${v.id} (${v.help}, ${v.nodes.length} nodes)`).join('; ')}`)
  }
}

/** Secret-key calls for test setup (creating initiatives, reading members), made from Node. */
export function adminCall<T = unknown>(method: string, path: string, body?: unknown) {
  return executeServerCommand<{ status: number; body: T }, object>('relais-admin', { method, path, body })
}

/** Adds a module script to the page, as a webmaster's `<script type="module">` would, once it ran. */
export function addModuleScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.type = 'module'
    script.src = src
    script.addEventListener('load', () => resolve())
    script.addEventListener('error', () =>
      reject(new Error(`the browser refused ${src} (is cdn/ built? pnpm --filter @relais/widgets build)`)),
    )
    document.head.append(script)
  })
}
