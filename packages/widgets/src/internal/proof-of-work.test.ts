import { expect } from 'chai'
import { testApi } from '../../test/helpers.js'
import { ApiError } from './api.js'
import { ProofOfWork } from './proof-of-work.js'

const target = () => ({ ...testApi(), lang: 'fr', widget: 'relais-signup-form' })

async function signUp(proof: string | undefined, email: string) {
  const { api, key } = testApi()
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' }
  const texts = await (await fetch(`${api}/v1/consent-texts?purpose=membership&language=fr`, { headers })).json()
  const body = {
    email,
    given_name: 'Camille',
    family_name: 'Preuve',
    postcode: '75011',
    consents: [{ purpose: 'membership', text_id: texts.data[0].id }],
    proof,
  }
  return fetch(`${api}/v1/signups`, { method: 'POST', headers, body: JSON.stringify(body) })
}

describe('ProofOfWork', () => {
  it('solves the API’s challenge, which the API accepts once, and not sooner than a person types', async () => {
    const work = new ProofOfWork(target)
    const shown = Date.now()
    work.prepare()
    const proof = await work.take()
    expect(Date.now() - shown, 'waited for the least fill time').to.be.at.least(2_900)
    const payload = JSON.parse(atob(proof ?? '')) as { algorithm: string; number: number; salt: string }
    expect(payload.algorithm).to.equal('SHA-256')
    expect(payload.number).to.be.a('number')
    expect((await signUp(proof, `preuve.${Date.now()}@example.org`)).status).to.equal(202)
    const replay = await signUp(proof, `rejeu.${Date.now()}@example.org`)
    expect(replay.status).to.equal(400)
    expect((await replay.json()).detail).to.contain('already used')
  })

  it('prepares the next proof as soon as one is taken, for the next submission', async () => {
    const work = new ProofOfWork(target)
    work.prepare()
    const first = await work.take()
    const second = await work.take()
    expect(second).to.be.a('string')
    expect(second).to.not.equal(first)
  })

  it('sends once more with a new proof when the server refuses the proof itself', async () => {
    const work = new ProofOfWork(target)
    const spent = await work.take()
    expect((await signUp(spent, `premier.${Date.now()}@example.org`)).status).to.equal(202)
    const sent: (string | undefined)[] = []
    const status = await work.send(async (proof) => {
      // The first attempt replays the spent proof, as a form left open too long would send an expired one.
      const attempt = sent.length === 0 ? spent : proof
      sent.push(attempt)
      const res = await signUp(attempt, `second.${Date.now()}@example.org`)
      if (!res.ok) throw new ApiError(res.status, await res.json())
      return res.status
    })
    expect(status).to.equal(202)
    expect(sent).to.have.length(2)
    expect(sent[1]).to.not.equal(spent)
  })

  it('gives no proof, rather than hang, when the API cannot be reached', async () => {
    const work = new ProofOfWork(() => ({ ...target(), api: 'http://127.0.0.1:9' }))
    expect(await work.take()).to.equal(undefined)
  })
})
