/**
 * The chunks the event list's file imports (Lit, the shared internals): the loader asks for them
 * along with that file instead of after it, one round trip less before a page's main widget shows.
 * Their names carry hashes: the CDN build writes them here (rollup.config.js); anywhere else, none.
 */
export const leadChunks: readonly string[] = []
