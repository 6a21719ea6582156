import type { Command } from 'commander'
import { consentPurposes } from '../../domain/consent/purposes.js'
import { createOrganization } from '../../domain/organizations/create.js'
import { listOrganizations } from '../../domain/organizations/list.js'
import { UsageError } from '../../server/environment.js'
import type { CliIo } from '../io.js'
import { withDatabase } from '../storage.js'
import { table } from '../table.js'

export function addOrgsCommands(program: Command, io: CliIo) {
  const orgs = program
    .command('orgs')
    .description('Organizations: the parties or campaigns this server holds, each with its own data.')

  orgs
    .command('create')
    .description('Create an organization, with default consent texts in French and English; prints its id.')
    .requiredOption('--name <name>', 'its public name')
    .option('--slug <slug>', 'a short name in URLs (default: from the name)')
    .option('--language <language>', 'default language of its members: fr or en', 'fr')
    .addHelpText(
      'after',
      `
Examples:
  relais orgs create --name "Parti de l'Exemple"
  ORG=$(relais orgs create --name "Campagne Lyon 2026" --slug lyon-2026)`,
    )
    .action(async (options: { name: string; slug?: string; language: string }) => {
      if (options.language !== 'fr' && options.language !== 'en') {
        throw new UsageError(`--language is fr or en, not "${options.language}".`)
      }
      const language = options.language
      await withDatabase(io, async (db) => {
        const organization = await createOrganization(db, {
          name: options.name,
          slug: options.slug,
          defaultLanguage: language,
        })
        io.out(organization.id)
        io.err(
          `Created "${organization.name}" (${organization.slug}). Default consent texts (fr, en) were added for ` +
            `${consentPurposes.join(', ')}: have them reviewed, and publish your own versions before going live.\n` +
            `Next: relais keys create --org ${organization.id} --secret --scope keys:write`,
        )
      })
    })

  orgs
    .command('list')
    .description('List the organizations with their ids.')
    .action(async () => {
      await withDatabase(io, async (db) => {
        const rows = await listOrganizations(db)
        if (rows.length === 0) {
          io.err('No organization yet: relais orgs create --name "…", or relais seed --demo.')
          return
        }
        io.out(
          table(
            ['id', 'slug', 'name', 'created'],
            rows.map((o) => [o.id, o.slug, o.name, o.created_at.toISOString()]),
          ),
        )
      })
    })
}
