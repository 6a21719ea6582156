import { css } from 'lit'
import { formStyles } from '../../internal/form.js'

const detailStyles = css`
  h2,
  h3,
  p {
    margin: 0 0 calc(var(--_space) * 0.75);
  }
  h2 {
    font-size: 1.5em;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  h3 {
    font-size: 1.2em;
  }
  .kind {
    font-weight: 600;
    color: var(--_accent);
    margin-bottom: 0.25rem;
  }
  .summary {
    font-size: 1.05em;
  }
  .facts {
    display: grid;
    gap: 0.5rem;
    margin: 0 0 var(--_space);
  }
  .facts div {
    display: grid;
    grid-template-columns: 8.5rem 1fr;
    gap: var(--_space);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .spots {
    font-weight: 600;
  }
  .description {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .tags {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0 0 var(--_space);
    padding: 0;
  }
  .tags li {
    font-size: 0.85em;
    padding: 0 0.6em;
    border-radius: 999px;
    background: var(--_surface);
  }
  .rsvp {
    margin-top: var(--_space);
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  .rsvp.compact {
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .header {
    overflow-wrap: anywhere;
  }
`

export const eventStyles = [formStyles, detailStyles]
