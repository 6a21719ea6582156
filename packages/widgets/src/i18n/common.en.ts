import { common } from './common.js'

common.en = {
  loading: 'Loading…',
  retry: 'Try again',
  error: 'Loading failed.',
  network: 'The server does not answer. Check your connection and try again.',
  forbidden: 'This site is not allowed to show this information (key or origin refused).',
  notFound: 'This content does not exist or is no longer available.',
  tooMany: 'Too many requests in a short time. Try again in a moment.',
}
