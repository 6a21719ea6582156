import { createRouter } from '../common/router.js'

export const initiativesRouter = createRouter()
