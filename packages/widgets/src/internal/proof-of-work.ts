import { ApiError, type ApiTarget, apiGet, type Schemas } from './api.js'

// Public forms prove a little work instead of a CAPTCHA (ALTCHA, SHA-256): the challenge is fetched
// when the form is shown and solved in the background, in a worker, while the visitor types.

type Challenge = Schemas['Challenge']

/** The server refuses a form sent sooner than this after its challenge was issued. */
const minFillMs = 3_000

/**
 * Finds the number below `maxnumber` whose SHA-256 with the salt is the challenge. Self-contained:
 * its source also runs as a worker's.
 */
async function search({ challenge, salt, maxnumber }: Challenge): Promise<number | null> {
  const encoder = new TextEncoder()
  for (let n = 0; n <= maxnumber; n++) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(salt + n)))
    let hex = ''
    for (const byte of digest) hex += byte.toString(16).padStart(2, '0')
    if (hex === challenge) return n
  }
  return null
}

const workerSource = `const s=(${search});onmessage=async e=>{try{postMessage(await s(e.data))}catch{postMessage(null)}}`

/**
 * In a worker when the page allows it (a strict CSP without `worker-src blob:` does not), else
 * here; `null` when it cannot be done (no WebCrypto outside HTTPS) or takes over a minute.
 */
function solve(challenge: Challenge): Promise<number | null> {
  let url = ''
  try {
    url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }))
    const worker = new Worker(url)
    return new Promise<number | null>((resolve) => {
      worker.onmessage = ({ data }) => resolve(data as number | null)
      worker.onerror = () => resolve(search(challenge).catch(() => null))
      setTimeout(() => resolve(null), 60_000)
      worker.postMessage(challenge)
    }).finally(() => {
      worker.terminate()
      URL.revokeObjectURL(url)
    })
  } catch {
    if (url) URL.revokeObjectURL(url)
    return search(challenge)
  }
}

interface Solved {
  proof: string | undefined
  sendableAt: number
}

/** The solved challenge of each submission of one form; each is accepted once by the server. */
export class ProofOfWork {
  private next: Promise<Solved> | undefined

  constructor(private readonly target: () => ApiTarget) {}

  /** Starts the work as the form is shown: the visitor's typing time is the fill time the server checks. */
  prepare(): void {
    this.next ??= this.work()
  }

  /**
   * Sends a form with a proof. When the server refuses the proof itself (the page stayed open past
   * its expiry, say), sends it once more with a new one.
   */
  async send<T>(post: (proof: string | undefined) => Promise<T>): Promise<T> {
    try {
      return await post(await this.take())
    } catch (error) {
      const aboutProof = error instanceof ApiError && error.problem?.errors?.some((e) => e.path === 'proof')
      if (!aboutProof) throw error
      return post(await this.take())
    }
  }

  /** The proof to send now (after the least fill time), while the next one is prepared. */
  async take(): Promise<string | undefined> {
    const next = this.next ?? this.work()
    this.next = undefined
    const { proof, sendableAt } = await next
    const wait = sendableAt - Date.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    this.prepare()
    return proof
  }

  private async work(): Promise<Solved> {
    let sendableAt = Date.now() + minFillMs
    try {
      const challenge = await apiGet(this.target(), '/v1/challenge', {})
      // Counted from the answer: the server issued the challenge before this moment.
      sendableAt = Date.now() + minFillMs
      const number = await solve(challenge)
      if (number === null) return { proof: undefined, sendableAt }
      const { algorithm, salt, signature } = challenge
      const payload = { algorithm, challenge: challenge.challenge, number, salt, signature }
      return { proof: btoa(JSON.stringify(payload)), sendableAt }
    } catch {
      // Without a proof the server says what is missing, and the form shows it.
      return { proof: undefined, sendableAt }
    }
  }
}
