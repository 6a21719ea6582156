import { createRouter } from '../common/router.js'

export const consentTextsRouter = createRouter()
