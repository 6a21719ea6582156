/**
 * Why a person's data is processed. `membership` and `event_participation` reveal a political
 * opinion (GDPR art. 9): without explicit consent nothing about the person is processed.
 */
export const consentPurposes = ['membership', 'event_participation', 'news', 'public_activity'] as const

export type ConsentPurpose = (typeof consentPurposes)[number]
