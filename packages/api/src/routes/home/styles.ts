/** The introduction page's only stylesheet, inline: the page loads nothing from elsewhere. */
export const styles = `
:root {
  color-scheme: light dark;
  --text: #1b1f24; --muted: #4d5561; --surface: #ffffff; --line: #d5dae1; --accent: #1f4fa3; --accent-text: #ffffff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.5;
}
@media (prefers-color-scheme: dark) {
  :root { --text: #e8eaee; --muted: #b4bbc6; --surface: #15181d; --line: #363d47; --accent: #8fb4ff; --accent-text: #0c1320; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--surface); color: var(--text); }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
.skip { position: absolute; left: -999px; top: 0; padding: 0.5rem 1rem; background: var(--accent); color: var(--accent-text); }
.skip:focus { left: 0.5rem; }
header, main, footer { max-width: 62rem; margin: 0 auto; padding: 0 1.25rem; }
header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between;
  padding-top: 1rem; padding-bottom: 1rem; border-bottom: 1px solid var(--line); }
.brand { margin: 0; font-weight: 700; font-size: 1.25rem; letter-spacing: 0.02em; }
nav ul { display: flex; gap: 1.25rem; margin: 0; padding: 0; list-style: none; }
h1 { font-size: clamp(1.6rem, 4vw, 2.2rem); line-height: 1.2; margin: 2rem 0 0.75rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 1rem; }
.lead { font-size: 1.1rem; color: var(--muted); max-width: 48rem; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9rem; }
footer { margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid var(--line); color: var(--muted); }
`
