import type { Command } from 'commander'
import type { ApiKey } from '../../db/types.js'
import { issueKey, listKeys, revokeKey } from '../../domain/keys/manage.js'
import { scopes } from '../../domain/keys/scopes.js'
import { getOrganization } from '../../domain/organizations/list.js'
import { UsageError } from '../../server/environment.js'
import type { CliIo } from '../io.js'
import { withDatabase } from '../storage.js'
import { table } from '../table.js'

const collect = (value: string, previous: string[] = []) => [...previous, value]

interface CreateOptions {
  org: string
  publishable?: boolean
  secret?: boolean
  origin?: string[]
  scope?: string[]
  name?: string
}

export function addKeysCommands(program: Command, io: CliIo) {
  const keys = program.command('keys').description('API keys: publishable keys for browsers, secret keys for servers.')

  keys
    .command('create')
    .description('Create a key and print its token, once: only its hash is stored.')
    .requiredOption('--org <id>', 'the organization (org_…)')
    .option('--publishable', 'a publishable key (pk_…): public operations, from the origins given')
    .option('--origin <origin>', 'a site allowed to use a publishable key from browsers; repeatable', collect)
    .option('--secret', 'a secret key (sk_…): server-side, with the scopes given')
    .option('--scope <scope>', `a scope of a secret key; repeatable. One of: ${scopes.join(', ')}`, collect)
    .option('--name <name>', 'what the key is for')
    .addHelpText(
      'after',
      `
Examples:
  relais keys create --org org_… --publishable --origin https://www.candidate.fr --origin https://*.candidate.fr
  relais keys create --org org_… --secret --scope members:read --scope members:write --name "CRM sync"

A publishable key without --origin works for server-side calls only.`,
    )
    .action(async (options: CreateOptions) => {
      if (Boolean(options.publishable) === Boolean(options.secret)) {
        throw new UsageError('Choose the kind of key: --publishable (with --origin) or --secret (with --scope).')
      }
      const kind = options.publishable ? 'publishable' : 'secret'
      const name = options.name?.trim() || `${kind === 'secret' ? 'Secret' : 'Publishable'} key (CLI)`
      await withDatabase(io, async (db) => {
        const { key, token } = await issueKey(db, options.org, {
          kind,
          name,
          scopes: options.scope,
          allowedOrigins: options.origin,
        })
        io.out(token)
        io.err(
          `Created ${key.id} (${kind}, "${key.name}"). The token above is shown only now: store it in a password ` +
            `manager or your server's secrets.${kind === 'publishable' && key.allowed_origins.length === 0 ? ' Without --origin, browsers cannot use it.' : ''}`,
        )
      })
    })

  keys
    .command('list')
    .description("List an organization's keys, revoked ones included (never their tokens).")
    .requiredOption('--org <id>', 'the organization (org_…)')
    .addHelpText('after', '\nExample:\n  relais keys list --org org_…')
    .action(async (options: { org: string }) => {
      await withDatabase(io, async (db) => {
        await getOrganization(db, options.org)
        const all: ApiKey[] = []
        let cursor: string | undefined
        do {
          const page = await listKeys(db, options.org, { limit: 100, cursor })
          all.push(...page.data)
          cursor = page.next_cursor ?? undefined
        } while (cursor)
        if (all.length === 0) {
          io.err(`${options.org} has no key yet: relais keys create --org ${options.org} --help`)
          return
        }
        io.out(
          table(
            ['id', 'kind', 'name', 'token', 'scopes / origins', 'created', 'status'],
            all.map((key) => [
              key.id,
              key.kind,
              key.name,
              `…${key.token_hint}`,
              (key.kind === 'secret' ? key.scopes : key.allowed_origins).join(' ') || '—',
              key.created_at.toISOString().slice(0, 10),
              key.revoked_at ? `revoked ${key.revoked_at.toISOString().slice(0, 10)}` : 'active',
            ]),
          ),
        )
      })
    })

  keys
    .command('revoke')
    .description('Revoke a key: it answers 401 from now on.')
    .requiredOption('--org <id>', 'the organization (org_…)')
    .requiredOption('--key <id>', 'the key (key_…), as listed by relais keys list')
    .addHelpText('after', '\nExample:\n  relais keys revoke --org org_… --key key_…')
    .action(async (options: { org: string; key: string }) => {
      await withDatabase(io, async (db) => {
        const key = await revokeKey(db, options.org, options.key)
        io.out(`Revoked ${key.id} ("${key.name}") on ${key.revoked_at?.toISOString()}.`)
      })
    })
}
