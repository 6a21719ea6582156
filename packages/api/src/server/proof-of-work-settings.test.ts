import { describe, expect, it } from 'vitest'
import { defaultProofOfWork } from '../domain/proof-of-work/challenge.js'
import { proofOfWorkFrom } from './proof-of-work-settings.js'

describe('RELAIS_PROOF_OF_WORK', () => {
  it('is on with the defaults unless turned off', () => {
    expect(proofOfWorkFrom({})).toEqual(defaultProofOfWork)
    expect(proofOfWorkFrom({ RELAIS_PROOF_OF_WORK: 'off' })).toBe(false)
  })

  it('takes a harder or easier challenge, within bounds, and explains a wrong value', () => {
    expect(proofOfWorkFrom({ RELAIS_PROOF_OF_WORK: '500000' })).toEqual({ ...defaultProofOfWork, maxNumber: 500_000 })
    for (const wrong of ['12', 'on', '1e6', '99999999']) {
      expect(() => proofOfWorkFrom({ RELAIS_PROOF_OF_WORK: wrong })).toThrow(/off, or a number from 1000/)
    }
  })
})
