import { createRouter } from '../common/router.js'

export const keysRouter = createRouter()
