import { DomainError } from '../errors.js'
import { slugTaken } from './slug.js'

/**
 * What a constraint the database enforced means for the client. The rules are checked first, under
 * the tree lock; this only catches what changed between the check and the write, so it never becomes a 500.
 */
export function explainConstraint(error: unknown): unknown {
  const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string }
  if (code === '23505' && constraint === 'groups_slug') return slugTaken()
  if (code === '23505')
    return new DomainError('conflict', 'This group changed at the same time; fetch it again and retry.')
  if (code === '23503') {
    return new DomainError('conflict', 'A group or member involved changed at the same time; fetch it again and retry.')
  }
  return error
}
