import type { Environment } from '../server/environment.js'

/** Where a command writes and what it reads, so tests can run commands in-process. */
export interface CliIo {
  /** The result (an id, a token, a table): what a script captures. */
  out(text: string): void
  /** Progress, notes and errors, for the person. */
  err(text: string): void
  env: Environment
  cwd: string
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    env: process.env,
    cwd: process.cwd(),
  }
}
