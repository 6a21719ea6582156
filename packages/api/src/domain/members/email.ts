/** The form of an e-mail address that uniqueness is checked on: trimmed, lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}
