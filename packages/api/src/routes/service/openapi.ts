import type { OpenAPIHono } from '@hono/zod-openapi'
import { withCommonHeaders } from './common-headers.js'

/** The contract: generated from the routes, served at /openapi.json and committed beside the code. */
export function openApiDocument(app: OpenAPIHono): ReturnType<OpenAPIHono['getOpenAPI31Document']> {
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Relais API',
      version: '1.0.0',
      description:
        'The organizing toolkit of a party or campaign: groups, members, initiatives and RSVPs. ' +
        'Public operations take a publishable key (`pk_…`) and are safe in browsers; secret operations take a ' +
        'secret key (`sk_…`) with scopes. Errors are `application/problem+json` (RFC 9457).',
      contact: { name: 'Relais', url: 'https://relais.dev' },
      license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
    },
    // The document is served by each deployment (local, staging, production) about itself.
    servers: [
      {
        url: '/',
        description: 'This server: the local, staging or production deployment that serves this document.',
        'x-internal': false,
      },
    ],
    tags: [
      { name: 'Groups', description: 'The tree of national, federal, local, thematic and action groups.' },
      { name: 'Initiatives', description: 'Events and actions, with RSVPs and calendars.' },
      { name: 'RSVPs', description: 'Who is going to an initiative, with a waitlist when places are limited.' },
      { name: 'Members', description: 'People known to the organization (secret keys only).' },
      { name: 'Sign-ups', description: 'Joining from public pages, with explicit consent and double opt-in.' },
      { name: 'Consent', description: 'The consent texts shown to visitors, versioned and fingerprinted.' },
      { name: 'Activity', description: 'The public, privacy-safe story of the organization.' },
      { name: 'Stats', description: 'Public counts for social proof.' },
      { name: 'Places', description: 'French postcodes and communes, offline.' },
      { name: 'API keys', description: 'API keys of the organization.' },
      { name: 'Webhooks', description: 'Signed event notifications to your servers (Standard Webhooks).' },
      { name: 'Privacy', description: 'Retention of personal data, per category, applied every night.' },
      { name: 'Audit', description: 'Who read or changed personal data, with which key, and when.' },
    ],
  })
  return withCommonHeaders(document)
}
