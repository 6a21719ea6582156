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
  .count {
    font-size: var(--relais-counter-size, 2.5rem);
    font-weight: 700;
    line-height: 1.1;
    color: var(--_accent);
    font-variant-numeric: tabular-nums;
    min-width: 3ch;
    text-align: center;
  }
  .placeholder {
    color: var(--_muted);
  }
  .label {
    color: var(--_muted);
  }
`
