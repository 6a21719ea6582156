// Every CDN file is also written compressed, once, at build time: `.gz` by Zopfli (smaller than any
// gzip a server makes on the fly, readable by every browser) and `.br` by Brotli at its best
// quality. The API sends whichever the browser accepts; the size budgets weigh the `.gz` files.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { brotliCompressSync, constants } from 'node:zlib'
import zopfli from '@gfx/zopfli'

export function precompress() {
  return {
    name: 'relais-precompress',
    async writeBundle({ dir }, bundle) {
      const files = Object.values(bundle).filter((file) => file.type === 'chunk')
      await Promise.all(
        files.map(async ({ fileName, code }) => {
          const path = join(dir, fileName)
          const source = Buffer.from(code)
          const brotli = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
          await writeFile(`${path}.gz`, await zopfli.gzipAsync(source, { numiterations: 15 }))
          await writeFile(`${path}.br`, brotli)
        }),
      )
    },
  }
}
