// The English texts `relais-event` keeps out of its French download.
import '../../i18n/common.en.js'
import './initiative.en.js'
