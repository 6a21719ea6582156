import { css } from 'lit'

export const activityFeedStyles = css`
  :host {
    --_row: var(--relais-activity-feed-row-height, 3.5rem);
  }
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item {
    min-height: var(--_row);
    margin-bottom: 0.75rem;
    padding: 0.25rem 0 0.25rem 0.75rem;
    border-left: 3px solid var(--_border);
    display: flex;
    flex-direction: column;
    justify-content: center;
  }
  .fresh {
    border-left-color: var(--_accent);
  }
  .sentence {
    overflow-wrap: anywhere;
  }
  .time,
  .connection {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .connection {
    margin: 0 0 0.5rem;
  }
`
