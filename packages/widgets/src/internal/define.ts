/** Registers a widget once: a page that loads a bundle twice keeps working. */
export function define(tag: string, element: CustomElementConstructor) {
  if (!customElements.get(tag)) customElements.define(tag, element)
}
