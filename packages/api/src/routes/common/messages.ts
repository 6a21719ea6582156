import { z } from '@hono/zod-openapi'

// Zod's default wording names types ("expected string, received undefined"); people filling a
// form or reading an error in their terminal need to know what to do instead.
z.config({
  customError(issue) {
    if (issue.code === 'invalid_type') {
      if (issue.input === undefined) return 'This field is required.'
      if (issue.input === null) return 'This field cannot be null.'
      if (issue.expected === 'int') return 'Expected a whole number.'
      return `Expected ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}.`
    }
    if (issue.code === 'too_small' && issue.origin === 'string') {
      return issue.minimum === 1 ? 'This field cannot be empty.' : `Use at least ${issue.minimum} characters.`
    }
    if (issue.code === 'too_big' && issue.origin === 'string') return `Use at most ${issue.maximum} characters.`
    if (issue.code === 'too_small' && issue.origin === 'number') return `Use a number of at least ${issue.minimum}.`
    if (issue.code === 'too_big' && issue.origin === 'number') return `Use a number of at most ${issue.maximum}.`
    if (issue.code === 'too_big' && issue.origin === 'array') return `Send at most ${issue.maximum} items.`
    if (issue.code === 'invalid_value') return `Use one of: ${issue.values.map(String).join(', ')}.`
    if (issue.code === 'invalid_format' && issue.format === 'email') return 'Enter a valid e-mail address.'
    if (issue.code === 'invalid_format' && issue.format === 'url') return 'Enter a full link starting with https://.'
    if (issue.code === 'invalid_format' && issue.format === 'datetime') {
      return 'Use an RFC 3339 date and time, such as 2026-12-05T18:30:00Z.'
    }
    if (issue.code === 'unrecognized_keys') {
      // Named briefly: the keys are the client's text, and an answer should not grow with it.
      const named = issue.keys.slice(0, 10).map((key) => (key.length > 50 ? `${key.slice(0, 50)}…` : key))
      return `Unknown field(s): ${named.join(', ')}${issue.keys.length > 10 ? ', …' : ''}.`
    }
    return undefined
  },
})
