import { createRouter } from '../common/router.js'

export const membersRouter = createRouter()
