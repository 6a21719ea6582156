import { defaultProofOfWork, issueChallenge } from '../../domain/proof-of-work/challenge.js'
import { createRouter } from '../common/router.js'
import { getChallengeRoute } from './routes.js'

export const challengesRouter = createRouter().openapi(getChallengeRoute, async (c) => {
  const challenge = await issueChallenge(c.get('db'), c.get('config').proofOfWork ?? defaultProofOfWork)
  c.header('cache-control', 'no-store')
  return c.json({ ...challenge, algorithm: 'SHA-256' as const }, 200)
})
