import { css } from 'lit'

export const counterStyles = css`
  :host {
    display: inline-block;
  }
  .counter {
    margin: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
  }
  /* The number's box is the same from the placeholder on: one line, and with tabular numerals (every
     digit 1ch wide) room for "12 345" or "12,345", so neither the label nor the page moves when the
     count comes. */
  .count {
    font-size: var(--relais-counter-size, 2.5rem);
    font-weight: 700;
    line-height: 1.1;
    color: var(--_accent);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    min-width: 6ch;
    text-align: center;
  }
  .placeholder {
    color: var(--_muted);
  }
  .label {
    color: var(--_muted);
  }
`
