import { createRouter } from '../common/router.js'

export const signupsRouter = createRouter()
