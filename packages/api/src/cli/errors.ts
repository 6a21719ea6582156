import { CommanderError } from 'commander'
import { DomainError } from '../domain/errors.js'
import { UsageError } from '../server/environment.js'
import type { CliIo } from './io.js'

/**
 * The exit code for an error, after telling the person in one line. Mistakes (an unknown
 * organization, a bad scope, a busy port) never show a stack; bugs show one with RELAIS_DEBUG=1.
 */
export function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) return error.exitCode
  if (error instanceof UsageError || error instanceof DomainError) {
    io.err(`relais: ${error.message}`)
    return 1
  }
  const message = error instanceof Error ? error.message : String(error)
  io.err(`relais: unexpected error: ${message}`)
  if (io.env.RELAIS_DEBUG) io.err(String((error as Error)?.stack ?? error))
  else io.err('relais: run again with RELAIS_DEBUG=1 to see where it happened.')
  return 1
}
