import { createRouter } from '../common/router.js'

export const rsvpsRouter = createRouter()
