import { afterAll, beforeAll, it } from 'vitest'
import { sql } from 'kysely'
import { openTestApp, type TestContext } from '../../../test/app.js'
import { initiativeViews } from '../../domain/initiatives/visibility.js'
let t: TestContext
beforeAll(async () => { t = await openTestApp() })
afterAll(() => t.close())
it('bench', async () => {
  for (const path of ['/v1/initiatives?limit=37', '/v1/initiatives?limit=100', '/v1/groups?limit=37', '/v1/initiatives?near=75011&radius_km=15']) {
    for (let i = 0; i < 3; i++) {
      const s = performance.now(); const r = await t.call('GET', path); await r.text(); console.log(path, r.status, Math.round(performance.now() - s))
    }
  }
  const q = initiativeViews(t.database.db, { organizationId: t.demo.organizationId, includePrivate: false }).where('initiatives.status','=','published').orderBy('initiatives.starts_at').limit(38).compile()
  const plan = await sql.raw(`explain analyze ${q.sql.replace(/\$(\d+)/g, (_, n) => `'${q.parameters[Number(n)-1]}'`)}`).execute(t.database.db)
  console.log(plan.rows.map((r: any) => r['QUERY PLAN']).join('\n'))
})
