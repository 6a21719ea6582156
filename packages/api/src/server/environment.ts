import { isAbsolute, relative, resolve } from 'node:path'

/** The variables the server and the CLI read; tests pass their own instead of `process.env`. */
export interface Environment {
  DATABASE_URL?: string
  RELAIS_DATA_DIR?: string
  RELAIS_PUBLIC_URL?: string
  PORT?: string
  HOST?: string
  /** Set by pnpm and npm to where the user typed the command, while scripts run in the package folder. */
  INIT_CWD?: string
  /** Show stacks of unexpected CLI errors. */
  RELAIS_DEBUG?: string
  /** An SMTP server for e-mail; without it, messages are kept in the database (see /dev/mailbox). */
  SMTP_URL?: string
  /** The sender address of e-mails (default: no-reply@ the public host). */
  RELAIS_MAIL_FROM?: string
  /** `1` serves /dev/mailbox even with SMTP_URL. */
  RELAIS_DEV_MAILBOX?: string
  /** Days after which unconfirmed sign-ups are erased (default 14). */
  RELAIS_UNCONFIRMED_DAYS?: string
  /** `off`, or rate-limit overrides such as `public-write=30/60,email=5/3600` (see rate-limit-settings.ts). */
  RELAIS_RATE_LIMITS?: string
  /** Proxy hops (`1`) or proxy addresses and CIDR ranges whose X-Forwarded-For is believed. */
  TRUST_PROXY?: string
  /** `off`, or how hard the proof of work of public forms is (see proof-of-work-settings.ts). */
  RELAIS_PROOF_OF_WORK?: string
  /** Milliseconds public answers are kept in memory (default 1000; 0 for none; see public-cache-settings.ts). */
  RELAIS_PUBLIC_CACHE_MS?: string
}

/** Where the embedded database and demo.json live, absolute. */
export interface Storage {
  dataDir: string
  /** A PostgreSQL server instead of the embedded database. */
  databaseUrl?: string
}

export const defaultPort = 8787

/**
 * Reads the storage settings. A relative `RELAIS_DATA_DIR` (default `.relais`) is resolved from
 * where the user ran the command, so `pnpm start` at the repository root keeps its data in the
 * root's `.relais` although the script itself runs in packages/api.
 */
export function storageFrom(env: Environment, cwd = process.cwd()): Storage {
  const dataDir = resolve(userDirectory(env, cwd), env.RELAIS_DATA_DIR || '.relais')
  return env.DATABASE_URL ? { dataDir, databaseUrl: env.DATABASE_URL } : { dataDir }
}

/** Where the user typed the command: relative paths are read, and shown, from there. */
export function userDirectory(env: Environment, cwd = process.cwd()): string {
  return env.INIT_CWD || cwd
}

/** The port to listen on: `PORT`, else 8787. */
export function portFrom(env: Environment): number {
  if (!env.PORT) return defaultPort
  return parsePort(env.PORT, 'PORT')
}

export function parsePort(value: string, name: string): number {
  const port = Number(value)
  if (!/^\d{1,5}$/.test(value) || port > 65535) {
    throw new UsageError(`${name} must be a port number from 0 to 65535, not "${value}".`)
  }
  return port
}

/** The address visitors reach: `RELAIS_PUBLIC_URL` when given (checked), else the local one. */
export function publicUrlFor(port: number, publicUrl?: string): string {
  if (!publicUrl) return `http://localhost:${port}`
  let parsed: URL | undefined
  try {
    parsed = new URL(publicUrl)
  } catch {}
  if (!parsed || !/^https?:$/.test(parsed.protocol)) {
    throw new UsageError(
      `RELAIS_PUBLIC_URL must be an http(s) address such as https://relais.example.org, not "${publicUrl}".`,
    )
  }
  return publicUrl.replace(/\/+$/, '')
}

/** The origins a demo page on this server is seen from, for the demo publishable key. */
export function localOrigins(port: number, publicUrl: string): string[] {
  return [...new Set([`http://localhost:${port}`, `http://127.0.0.1:${port}`, new URL(publicUrl).origin])]
}

/** A PostgreSQL URL without its password, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `PostgreSQL at ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`
  } catch {
    return 'PostgreSQL (DATABASE_URL)'
  }
}

/** Where the data is, for people: embedded at a path, or a PostgreSQL server. */
export function describeStorage(storage: Storage, cwd = process.cwd()): string {
  if (storage.databaseUrl) return describeDatabaseUrl(storage.databaseUrl)
  return `embedded PGlite in ${displayPath(storage.dataDir, cwd)}`
}

/** A path relative to `cwd` when it is inside, absolute otherwise. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const shown = relative(cwd, path)
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path
}

/** A mistake of the person at the keyboard: shown as one line, without a stack. */
export class UsageError extends Error {
  override name = 'UsageError'
}
