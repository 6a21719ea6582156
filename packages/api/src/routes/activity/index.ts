import { createRouter } from '../common/router.js'

export const activityRouter = createRouter()
