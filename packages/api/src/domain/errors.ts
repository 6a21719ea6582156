export type DomainErrorKind = 'not_found' | 'conflict' | 'invalid' | 'precondition_failed' | 'forbidden'

export interface FieldError {
  path: string
  message: string
}

/** A rule of the domain said no. The edge turns it into a problem+json answer. */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} was not found.`)
export const invalid = (path: string, message: string) => new DomainError('invalid', message, [{ path, message }])
