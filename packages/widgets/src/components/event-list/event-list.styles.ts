import { css } from 'lit'

export const eventListStyles = css`
  :host {
    --_row: 11rem;
    container-type: inline-size;
  }
  /* The filters and the empty form standing for them take the same place, and so do the skeleton
     and the first page with its "Voir plus" button: nothing moves when they arrive. */
  form {
    min-height: 6.25rem;
    margin-bottom: var(--_space);
  }
  [part='skeleton'] {
    padding-bottom: calc(44px + var(--_space));
  }
  /* On a phone the lines wrap: the placeholders grow alike. */
  @container (max-width: 32rem) {
    ul {
      --_row: 18.5rem;
    }
    form {
      min-height: 13rem;
    }
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .initiatives > li + li {
    border-top: 1px solid var(--_border);
  }
  .initiative {
    display: grid;
    grid-template-columns: 3.5rem 1fr;
    gap: 0 var(--_space);
    min-height: var(--relais-event-list-row-height, var(--_row));
    padding: 0.75rem 0;
  }
  .date {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    height: 3.5rem;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    line-height: 1.1;
    text-transform: uppercase;
    font-size: 0.8em;
  }
  .day {
    font-size: 1.9em;
    font-weight: 700;
  }
  .body,
  .meta,
  .tags,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
  }
  .body {
    flex-direction: column;
    min-width: 0;
  }
  h3 {
    margin: 0;
    font-size: 1.125em;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  h3:focus:not(:focus-visible) {
    outline: none;
  }
  p {
    margin: 0;
    color: var(--_muted);
  }
  .kind,
  .spots {
    font-weight: 600;
    color: var(--_text);
  }
  .tags {
    gap: 0.25rem;
    font-size: 0.8em;
  }
  .tags li {
    padding: 0 0.5em;
    border-radius: 1em;
    background: var(--_surface);
  }
  .rsvp,
  .more {
    margin-top: var(--_space);
  }
  .rsvp {
    grid-column: 1 / -1;
  }
  .line {
    height: 1.25rem;
    width: 85%;
  }
  .line + .line {
    width: 60%;
  }
`
