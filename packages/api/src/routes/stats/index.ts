import { createRouter } from '../common/router.js'

export const statsRouter = createRouter()
