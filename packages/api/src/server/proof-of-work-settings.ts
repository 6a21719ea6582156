import { defaultProofOfWork, type ProofOfWorkSettings } from '../domain/proof-of-work/challenge.js'
import { type Environment, UsageError } from './environment.js'

/**
 * Proof of work on public forms, from RELAIS_PROOF_OF_WORK: on by default; `off` (benchmarks, or a
 * server behind another anti-abuse layer), or the largest secret number, which sets how long a
 * browser works (100000 by default: a fraction of a second).
 */
export function proofOfWorkFrom(env: Environment): ProofOfWorkSettings | false {
  const value = env.RELAIS_PROOF_OF_WORK?.trim() ?? ''
  if (value === '') return defaultProofOfWork
  if (value === 'off') return false
  const maxNumber = Number(value)
  if (!/^\d+$/.test(value) || maxNumber < 1_000 || maxNumber > 10_000_000) {
    throw new UsageError(`RELAIS_PROOF_OF_WORK must be off, or a number from 1000 to 10000000, not "${value}".`)
  }
  return { ...defaultProofOfWork, maxNumber }
}
