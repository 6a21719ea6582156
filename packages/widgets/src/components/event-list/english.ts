// Everything the list says in English, fetched only for a list shown in English.
import '../../i18n/common.en.js'
import '../event/initiative.en.js'
import './messages.en.js'
