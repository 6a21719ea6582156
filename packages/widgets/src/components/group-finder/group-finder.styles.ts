import { css } from 'lit'

export const groupFinderStyles = css`
  .search {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: calc(var(--_space) * 0.5);
    margin-bottom: var(--_space);
  }
  .search .field {
    flex: 1 1 14rem;
  }
  h2 {
    font-size: 1.2em;
    line-height: 1.3;
    margin: var(--_space) 0 calc(var(--_space) * 0.5);
  }
  h3 {
    font-size: 1.05em;
    margin: 0;
    overflow-wrap: anywhere;
  }
  p {
    margin: 0;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .groups {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .group {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5);
    min-height: 4.5rem;
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .about {
    flex: 1 1 12rem;
    min-width: 0;
  }
  .join {
    flex: 1 1 100%;
    margin-top: calc(var(--_space) * 0.5);
  }
  .choices ul {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    margin-top: calc(var(--_space) * 0.5);
  }
  .notice .button,
  .notice button {
    margin-top: calc(var(--_space) * 0.5);
  }
`
