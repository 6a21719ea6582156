import { type ApiTarget, fill, type GetPaths, type Operation, type Params, request } from './api.js'
import { type Answer, relaisNamespace } from './namespace.js'

// Requests the loader sends before the widget that needs them is defined, while the widget's code
// downloads; the widget's own request, when it is the same, takes the answer instead of asking again.
// Loader-side only: all a widget carries is the call of `Relais.ahead` in `api.ts`.

const answers = new Map<string, Promise<Answer>>()
const asked = (url: URL, init: RequestInit) => url + JSON.stringify(init)

function take(url: URL, init: RequestInit) {
  const answer = answers.get(asked(url, init))
  answers.delete(asked(url, init))
  return answer
}

/** Sends a GET now; its answer waits 10 s at most for its widget, what the API's public cache allows to be stale. */
export function fetchAhead<P extends GetPaths>(target: ApiTarget, path: P, params: Params<Operation<P, 'get'>>) {
  const [url, init] = request(target, 'GET', fill(path, params as never))
  const key = asked(url, init)
  if (answers.has(key)) return
  // Read here as it arrives, the answer is whole when the widget takes it: the widget renders at
  // once, rather than after a turn of the network's (and a frame of its placeholder).
  const answer = fetch(url, init).then(async (response): Promise<Answer> => {
    const payload: unknown = await response.json().catch(() => null)
    const { ok, status, headers } = response
    return { ok, status, headers, json: async () => payload }
  })
  // Unclaimed, its failure is nobody's error; claimed, the widget sees it.
  answer.catch(() => undefined)
  answers.set(key, answer)
  setTimeout(() => answers.get(key) === answer && answers.delete(key), 10_000)
  relaisNamespace().ahead ??= take
}
