import { html } from 'hono/html'

/** The look of the small pages an e-mail link opens (confirm, unsubscribe). */
export const linkPageStyle = `
  body { margin: 0; font: 1.0625rem/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fafafa; }
  main { max-width: 34rem; margin: 3rem auto; padding: 0 1.25rem; }
  section + section { margin-top: 2.5rem; padding-top: 1.5rem; border-top: 1px solid #ccc; }
  h1, h2 { line-height: 1.2; }
  button { font: inherit; font-weight: 600; padding: 0.75rem 1.5rem; border: 0; border-radius: 0.375rem;
    color: #fff; background: #1f3a93; cursor: pointer; }
  button:focus-visible { outline: 3px solid #e8a600; outline-offset: 2px; }
`

/**
 * A standalone HTML page outside the API: never indexed, and it leaks no token in a Referer when a
 * link on it is followed.
 */
export function htmlPage({
  title,
  body,
  style,
  lang = 'fr',
}: {
  title: string
  body: unknown
  style: string
  lang?: string
}) {
  return html`<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <meta name="robots" content="noindex" />
    <title>${title}</title>
    <style>${style}</style>
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>`
}

/** A one-button form posting a link's token back: only a person's press acts, not a mail scanner's GET. */
export function tokenForm(action: string, token: string, label: string, language: 'fr' | 'en') {
  return html`<form method="post" action="${action}" lang="${language}">
  <input type="hidden" name="token" value="${token}" />
  <button type="submit">${label}</button>
</form>`
}
