/**
 * The candidate page's only stylesheet, inline (allowed by its hash). The widgets are themed the
 * way a webmaster would: `--relais-*` custom properties on :root, others on the dark hero.
 */
export const campaignStyles = `
:root {
  color-scheme: light;
  --ink: #16213e; --text: #1c2230; --muted: #4a5263; --paper: #ffffff; --tint: #f1f4f9; --line: #d3d9e4;
  --brand: #c8102e; --brand-dark: #9e0c24; --sun: #ffd166;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --relais-color-accent: var(--brand);
  --relais-color-accent-contrast: #ffffff;
  --relais-color-text: var(--text);
  --relais-color-muted: var(--muted);
  --relais-color-border: #8a94a6;
  --relais-color-surface: var(--tint);
  --relais-color-background: transparent;
  --relais-radius: 10px;
  --relais-font: var(--font);
  font-family: var(--font);
  line-height: 1.55;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--text); }
a { color: var(--brand-dark); text-underline-offset: 0.15em; }
a:focus-visible, .button:focus-visible { outline: 3px solid var(--brand); outline-offset: 3px; border-radius: 4px; }
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
.skip { position: absolute; left: -999px; top: 0.5rem; z-index: 2; padding: 0.6rem 1rem; background: var(--ink);
  color: #ffffff; }
.skip:focus { left: 0.5rem; }

.site-header { background: var(--paper); border-bottom: 1px solid var(--line); }
.header-inner { display: flex; flex-wrap: wrap; gap: 0.75rem 2rem; align-items: center; justify-content: space-between;
  padding-top: 0.75rem; padding-bottom: 0.75rem; }
.brand { display: flex; gap: 0.75rem; align-items: center; margin: 0; font-weight: 800; font-size: 1.15rem; color: var(--ink); }
.brand small { display: block; font-weight: 500; font-size: 0.85rem; color: var(--muted); }
.brand-mark { display: grid; place-items: center; width: 2.6rem; height: 2.6rem; border-radius: 50%; background: var(--brand);
  color: #ffffff; font-size: 0.95rem; letter-spacing: 0.04em; }
.site-header ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0; padding: 0; list-style: none; }
.site-nav a { display: inline-block; padding: 0.6rem 0; color: var(--ink); font-weight: 600; text-decoration: none; }
.site-nav a:hover { color: var(--brand-dark); text-decoration: underline; }

.hero { background: var(--ink); color: #ffffff; padding: 3.5rem 0; }
.hero-inner { display: grid; gap: 2.5rem; align-items: center; }
.eyebrow { margin: 0 0 0.5rem; font-size: 0.9rem; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase;
  color: var(--sun); }
.eyebrow.dark { color: var(--brand-dark); }
h1 { margin: 0 0 1rem; font-size: clamp(2rem, 5vw, 3.1rem); line-height: 1.1; letter-spacing: -0.01em; }
.lead { margin: 0 0 1.75rem; max-width: 38rem; font-size: 1.15rem; color: #dfe5f0; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0; }
.button { display: inline-flex; align-items: center; min-height: 48px; padding: 0.7rem 1.3rem; border-radius: 999px;
  border: 2px solid var(--brand); background: var(--brand); color: #ffffff; font-weight: 700; text-decoration: none; }
.button:hover { background: var(--brand-dark); border-color: var(--brand-dark); }
.button.ghost { background: transparent; border-color: #ffffff; color: #ffffff; }
.button.ghost:hover { background: #ffffff; color: var(--ink); }
.hero-figures { display: grid; gap: 1rem; }
.figure { padding: 1.25rem 1.5rem; border-radius: 14px; background: rgba(255, 255, 255, 0.08);
  border: 1px solid rgba(255, 255, 255, 0.25);
  --relais-color-text: #ffffff; --relais-color-muted: #dfe5f0; --relais-color-accent: var(--sun);
  --relais-color-accent-contrast: var(--ink); --relais-color-surface: rgba(255, 255, 255, 0.12);
  --relais-counter-size: clamp(2.4rem, 6vw, 3.4rem); }
.figure a { color: #ffffff; }

.band { padding: 3.5rem 0; }
.band.tinted { background: var(--tint); }
.band.featured { padding-bottom: 0; }
h2 { margin: 0 0 0.5rem; font-size: clamp(1.6rem, 3.5vw, 2.2rem); line-height: 1.15; color: var(--ink); }
.intro { margin: 0 0 1.75rem; max-width: 44rem; font-size: 1.075rem; color: var(--muted); }
.card { --card-padding: clamp(1rem, 3vw, 1.75rem); display: block; padding: var(--card-padding); border-radius: 16px;
  background: var(--paper);
  border: 1px solid var(--line); box-shadow: 0 10px 30px -18px rgba(22, 33, 62, 0.45); }
.split { display: grid; gap: 2rem; align-items: start; }
.ticks { margin: 0; padding: 0; list-style: none; display: grid; gap: 0.6rem; }
.ticks li { position: relative; padding-left: 2rem; }
.ticks li::before { content: ""; position: absolute; left: 0.35rem; top: 0.35em; width: 0.55rem; height: 0.9rem;
  border: solid var(--brand); border-width: 0 3px 3px 0; transform: rotate(45deg); }
/* Every widget keeps its place from the first paint, before its code arrives, at the height of what
   it shows, so that nothing moves as they load: the heights of docs/theming.md ("Keeping their place
   while they load") counted for this page, in rem for text and spacing, 44px for inputs and buttons,
   with the cards' padding and border. In a column narrower than 30rem texts wrap on more lines and the
   forms take one column: container queries, as the widgets' own layouts have it. */
.featured .wrap, #agenda .wrap, #rejoindre .wrap, #section .wrap, #direct .wrap { container-type: inline-size; }
.card { --card-frame: calc(2 * var(--card-padding) + 2px); }
/* A counter: its number (1.1 × its size) and one line of label, in the card's padding and border. */
.figure { min-height: calc(1.1 * var(--relais-counter-size) + 1.5rem + 2.5rem + 2px); }
/* The featured initiative: 14 lines of text (kind, 7 of facts, 3 of description, 3 of labels), the
   title, summary, tags and form title (6.525rem), a consent text of 4 lines, five 44px boxes, the rule
   above the form and the spacing. */
.featured relais-event { min-height: calc(14 * 1.5rem + 6.525rem + 4 * 1.35rem + 5 * 44px + 1px + 13.25rem
  + var(--card-frame)); }
/* The list: its filters, five rows and their four 1px separators, and the "Voir plus" button. */
relais-event-list { display: block; min-height: calc(6.25rem + 5 * 11rem + 4px + 44px + 2rem); }
/* The sign-up form, joining the group of <relais-config>: the line above the fields, 3 rows of labels,
   the group's line, the postcode's hint, the two consent texts (19 lines of 0.9em at this width), 3
   rows of inputs and the button, the spacing. */
#rejoindre relais-signup-form { min-height: calc(5 * 1.5rem + 1.35rem + 19 * 1.35rem + 4 * 44px + 6.25rem
  + var(--card-frame)); }
/* The section finder before a search: its field with label and hint, and the space under it. */
relais-group-finder { display: block; min-height: calc(4.35rem + 44px); }
/* The live activity, limit="6": six rows of a line and a time, 0.75rem under each. */
#direct relais-activity-feed { min-height: calc(6 * (3.5rem + 0.75rem) + var(--card-frame)); }
@container (max-width: 32rem) {
  relais-event-list { min-height: calc(13rem + 5 * 18.5rem + 4px + 44px + 2rem); }
}
@container (max-width: 30rem) {
  .featured relais-event { min-height: calc(24 * 1.5rem + 11.55rem + 14 * 1.35rem + 7 * 44px + 1px + 15.25rem
    + var(--card-frame)); }
  #rejoindre relais-signup-form { min-height: calc(8 * 1.5rem + 1.35rem + 30 * 1.35rem + 6 * 44px + 8.25rem
    + var(--card-frame)); }
  #direct relais-activity-feed { min-height: calc(6 * (6.3125rem + 0.75rem) + var(--card-frame)); }
}
@container (max-width: 22rem) {
  relais-group-finder { min-height: calc(4.35rem + 0.5rem + 2 * 44px); }
}

.site-footer { background: var(--ink); color: #dfe5f0; padding: 2.5rem 0; }
.footer-inner { display: grid; gap: 1.5rem; }
.site-footer p { margin: 0; max-width: 46rem; }
.site-footer ul { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0; padding: 0; list-style: none; }
.site-footer a { color: #ffffff; }

@media (min-width: 56rem) {
  .hero { padding: 5rem 0; }
  .hero-inner { grid-template-columns: 1.5fr 1fr; }
  .split { grid-template-columns: 1fr 1.25fr; gap: 3rem; }
  .footer-inner { grid-template-columns: 2fr 1fr; align-items: start; }
}
@media (prefers-reduced-motion: no-preference) {
  html { scroll-behavior: smooth; }
}
`
