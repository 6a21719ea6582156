/** One block of a Server-Sent Events stream: an event, or a comment, or a bare `id:`. */
export interface SseBlock {
  event?: string
  id?: string
  data?: string
  comment?: string
}

/**
 * Reads a `text/event-stream` body for tests, as a browser would parse it, keeping every block
 * (comments included) with the time it arrived.
 */
export class SseReader {
  readonly blocks: (SseBlock & { at: number })[] = []
  ended = false
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>
  private readonly reading: Promise<void>

  constructor(readonly response: Response) {
    if (!response.body) throw new Error('the answer has no body')
    this.reader = response.body.getReader()
    this.reading = this.read()
  }

  /** The `activity` events received so far, parsed. */
  get events(): {
    id: string
    item: { id: string; kind: string; group: { id: string } | null; data: Record<string, unknown> }
  }[] {
    return this.blocks
      .filter((block) => block.event === 'activity')
      .map((block) => ({ id: block.id ?? '', item: JSON.parse(block.data ?? 'null') }))
  }

  /** Waits until `check` holds for the blocks received, or fails after `ms`. */
  async until(check: (reader: SseReader) => boolean, what: string, ms = 10_000): Promise<void> {
    const started = Date.now()
    while (!check(this)) {
      if (this.ended) throw new Error(`the stream ended while waiting for ${what}`)
      if (Date.now() - started > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }

  /** Leaves, as a browser closing the page would. */
  async close(): Promise<void> {
    await this.reader.cancel().catch(() => undefined)
    await this.reading
  }

  private async read() {
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for (;;) {
        const { done, value } = await this.reader.read()
        if (done) break
        buffer += decoder.decode(value, { stream: true })
        let end = buffer.indexOf('\n\n')
        while (end >= 0) {
          this.blocks.push({ ...parseBlock(buffer.slice(0, end)), at: Date.now() })
          buffer = buffer.slice(end + 2)
          end = buffer.indexOf('\n\n')
        }
      }
    } catch {
      // A cancelled or cut stream simply ends.
    }
    this.ended = true
  }
}

function parseBlock(text: string): SseBlock {
  const block: SseBlock = {}
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === '') block.comment = value
    else if (field === 'data') block.data = block.data === undefined ? value : `${block.data}\n${value}`
    else if (field === 'event' || field === 'id') block[field] = value
  }
  return block
}
