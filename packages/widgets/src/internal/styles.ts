import { css } from 'lit'

/**
 * Shared look: every color, radius, font and spacing is a `--relais-*` custom property with a
 * default on :host, so a site themes all widgets at once; `theme="dark"` and `theme="auto"`
 * swap the defaults. `all: initial` keeps aggressive page CSS out.
 */
export const baseStyles = css`
  :host {
    all: initial;
    display: block;
    contain: content;
    --_text: var(--relais-color-text, #1d2330);
    --_background: var(--relais-color-background, #ffffff);
    --_muted: var(--relais-color-muted, #5a6272);
    --_border: var(--relais-color-border, #d5d9e0);
    --_surface: var(--relais-color-surface, #f5f6f8);
    --_accent: var(--relais-color-accent, #c2185b);
    --_accent-contrast: var(--relais-color-accent-contrast, #ffffff);
    --_danger: var(--relais-color-danger, #b3261e);
    --_success: var(--relais-color-success, #1e6b3a);
    --_radius: var(--relais-radius, 8px);
    --_space: var(--relais-spacing, 1rem);
    --_font: var(--relais-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--relais-font-size, 1rem);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_background);
  }
  :host([theme='dark']) {
    --_text: var(--relais-color-text, #eef0f4);
    --_background: var(--relais-color-background, #161a22);
    --_muted: var(--relais-color-muted, #aab1bf);
    --_border: var(--relais-color-border, #3a4150);
    --_surface: var(--relais-color-surface, #212733);
    --_accent: var(--relais-color-accent, #f48fb1);
    --_accent-contrast: var(--relais-color-accent-contrast, #1d1020);
    --_danger: var(--relais-color-danger, #ffb4ab);
    --_success: var(--relais-color-success, #8fd6a5);
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_text: var(--relais-color-text, #eef0f4);
      --_background: var(--relais-color-background, #161a22);
      --_muted: var(--relais-color-muted, #aab1bf);
      --_border: var(--relais-color-border, #3a4150);
      --_surface: var(--relais-color-surface, #212733);
      --_accent: var(--relais-color-accent, #f48fb1);
      --_accent-contrast: var(--relais-color-accent-contrast, #1d1020);
      --_danger: var(--relais-color-danger, #ffb4ab);
      --_success: var(--relais-color-success, #8fd6a5);
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button,
  .button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
    padding: 0.5em 1em;
    min-height: 44px;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
  }
  button.secondary,
  .button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button:disabled,
  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  a {
    color: var(--_accent);
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .skeleton {
    display: block;
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_surface) 25%, var(--_border) 50%, var(--_surface) 75%);
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  @keyframes shimmer {
    from {
      background-position: 200% 0;
    }
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  .notice {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .notice.error {
    border-left: 4px solid var(--_danger);
  }
  .muted {
    color: var(--_muted);
  }
`
