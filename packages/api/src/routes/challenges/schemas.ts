import { z } from '@hono/zod-openapi'

const Hex = z
  .string()
  .max(128)
  .regex(/^[0-9a-f]+$/)

export const ChallengeSchema = z
  .object({
    algorithm: z.literal('SHA-256'),
    challenge: Hex.openapi({ description: 'SHA-256, in hex, of `salt` followed by the secret number in decimal.' }),
    maxnumber: z
      .number()
      .int()
      .min(1)
      .max(100_000_000)
      .openapi({ format: 'int32', description: 'The secret number is below this.' }),
    salt: z
      .string()
      .max(200)
      .openapi({ description: 'Opaque; hashed as it is. Carries when the challenge was issued.' }),
    signature: Hex.openapi({ description: "The server's signature of `challenge`." }),
  })
  .openapi('Challenge', {
    description:
      'An ALTCHA proof-of-work challenge (https://altcha.org). Find the number `n` from 0 to `maxnumber` with ' +
      'SHA-256(`salt` + `n`) = `challenge`, then send base64(JSON `{algorithm, challenge, number, salt, signature}`) ' +
      'as `proof` with the form. A solution is accepted once, within 30 minutes, and not sooner than a few seconds ' +
      'after the challenge was issued.',
  })

/** The solved challenge a public form sends along. */
export const ProofField = z.string().max(2000).openapi({
  description:
    'A solved challenge of `GET /v1/challenge`: base64 of the JSON `{algorithm, challenge, number, salt, signature}`.',
})
