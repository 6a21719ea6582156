import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely'
import { installJobQueue } from '../jobs/install.js'
import * as initial from './migrations/0001_initial.js'
import * as suppressions from './migrations/0002_suppressions.js'
import * as activityStream from './migrations/0003_activity_stream.js'
import * as listIndexes from './migrations/0004_list_indexes.js'
import * as jobsAndMail from './migrations/0005_jobs_and_mail.js'
import * as webhooks from './migrations/0006_webhooks.js'
import * as idempotencyAndRateLimits from './migrations/0007_idempotency_and_rate_limits.js'
import * as auditAndRetention from './migrations/0008_audit_and_retention.js'
import * as proofOfWork from './migrations/0009_proof_of_work.js'
import * as privateGroupsIndex from './migrations/0010_private_groups_index.js'
import * as rsvpRequests from './migrations/0011_rsvp_requests.js'
import * as initiativeGroupPath from './migrations/0012_initiative_group_path.js'
import type { Database } from './types.js'

// Migrations are imported, not read from a folder, so they work the same under tsx, a bundle or tests.
const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_suppressions': suppressions,
  '0003_activity_stream': activityStream,
  '0004_list_indexes': listIndexes,
  '0005_jobs_and_mail': jobsAndMail,
  '0006_webhooks': webhooks,
  '0007_idempotency_and_rate_limits': idempotencyAndRateLimits,
  '0008_audit_and_retention': auditAndRetention,
  '0009_proof_of_work': proofOfWork,
  '0010_private_groups_index': privateGroupsIndex,
  '0011_rsvp_requests': rsvpRequests,
  '0012_initiative_group_path': initiativeGroupPath,
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

export interface MigrationReport {
  applied: string[]
}

/** Brings the schema to the latest migration; safe to run at every start and from several processes. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName
    throw new Error(`migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
  // The job queue's tables are pg-boss's, which installs and upgrades them itself, after ours.
  const queue = await installJobQueue(db)
  return { applied: queue ? [...applied, queue] : applied }
}
