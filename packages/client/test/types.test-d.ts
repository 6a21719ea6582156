// These calls are compiled, never run: each @ts-expect-error fails the type check unless the line
// under it is a compile error, so a wrong call that starts compiling breaks the test.
import { createClient, type ListItem, type Problem, paginate } from '@relais/client'
import type { components } from '@relais/client/schema'
import { describe, expectTypeOf, test } from 'vitest'

const relais = createClient({ baseUrl: 'https://relais.example.org', key: 'sk_live_example' })
type Initiative = components['schemas']['Initiative']

describe('typed calls', () => {
  test('answers are typed by the path', async () => {
    const { data, error } = await relais.GET('/v1/initiatives', { params: { query: { limit: 20, near: '69003' } } })
    expectTypeOf(data).toEqualTypeOf<components['schemas']['InitiativePage'] | undefined>()
    expectTypeOf(error).toEqualTypeOf<Problem | undefined>()
  })

  test('a wrong path does not compile', async () => {
    // @ts-expect-error there is no /v1/initiative (singular)
    await relais.GET('/v1/initiative')
    // @ts-expect-error initiatives are not deleted, they are cancelled
    await relais.DELETE('/v1/initiatives/{initiative_id}', { params: { path: { initiative_id: 'ini_1' } } })
  })

  test('a parameter of the wrong type does not compile', async () => {
    // @ts-expect-error limit is a number
    await relais.GET('/v1/initiatives', { params: { query: { limit: '20' } } })
    // @ts-expect-error kind is one of the listed kinds
    await relais.GET('/v1/initiatives', { params: { query: { kind: ['barbecue'] } } })
    // @ts-expect-error retry is false or retry settings
    await relais.GET('/v1/initiatives', { retry: 'never' })
  })

  test('a missing required field does not compile', async () => {
    // @ts-expect-error a member needs an email
    await relais.POST('/v1/members', { body: { given_name: 'Camille', family_name: 'Martin' } })
    // @ts-expect-error the path parameter is required
    await relais.GET('/v1/groups/{group_id}')
    // @ts-expect-error a POST with a required body needs it
    await relais.POST('/v1/members')
  })

  test('fields with a server default may be left out of a body', async () => {
    await relais.POST('/v1/members', {
      body: { email: 'camille.martin@example.org', given_name: 'C', family_name: 'M' },
    })
  })
})

describe('paginate', () => {
  test('yields the item type of the path', () => {
    const initiatives = paginate(relais, '/v1/initiatives', { query: { group: 'grp_1' } })
    expectTypeOf(initiatives).toEqualTypeOf<AsyncGenerator<Initiative, void, undefined>>()
    expectTypeOf<ListItem<'/v1/members'>>().toEqualTypeOf<components['schemas']['Member']>()
  })

  test('takes only list paths, their parameters, and requires path parameters', () => {
    paginate(relais, '/v1/groups/{group_id}/members', { path: { group_id: 'grp_1' } })
    // @ts-expect-error one group is not a list
    paginate(relais, '/v1/groups/{group_id}', { path: { group_id: 'grp_1' } })
    // @ts-expect-error the group of the members is required
    paginate(relais, '/v1/groups/{group_id}/members')
    // @ts-expect-error paginate sets the cursor itself
    paginate(relais, '/v1/initiatives', { query: { cursor: 'abc' } })
    // @ts-expect-error near is a postcode string
    paginate(relais, '/v1/initiatives', { query: { near: 69003 } })
  })
})
