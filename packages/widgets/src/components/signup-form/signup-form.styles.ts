import { css } from 'lit'

export const signupFormStyles = css`
  form,
  .form {
    align-items: end;
  }
  h2,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.4em;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  .group {
    overflow-wrap: anywhere;
  }
  .success p + p {
    margin-top: 0.5rem;
  }
  .lead {
    font-weight: 600;
  }
`
