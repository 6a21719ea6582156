import { createRouter } from '../common/router.js'

export const placesRouter = createRouter()
