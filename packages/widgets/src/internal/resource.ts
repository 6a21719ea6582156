import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { ApiError } from './api.js'

export type ResourceStatus = 'loading' | 'error' | 'ready'

export interface ResourceOptions<T> {
  /** Loads the data; receives a signal that aborts when the inputs change or the widget leaves. */
  load: (signal: AbortSignal) => Promise<T>
  /** The inputs; a change reloads. */
  inputs: () => unknown[]
  onReady?: (value: T) => void
  onError?: (error: ApiError) => void
}

/**
 * Fetch state for a widget: loads when connected and when its inputs change, aborts stale
 * requests, and keeps the last error for the retry button.
 */
export class Resource<T> implements ReactiveController {
  status: ResourceStatus = 'loading'
  value: T | undefined
  error: ApiError | undefined
  private previous: unknown[] | undefined
  private controller: AbortController | undefined

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ResourceOptions<T>,
  ) {
    host.addController(this)
  }

  hostUpdate() {
    const inputs = this.options.inputs()
    if (this.previous && inputs.length === this.previous.length && inputs.every((v, i) => v === this.previous?.[i]))
      return
    this.previous = inputs
    void this.run()
  }

  hostDisconnected() {
    this.controller?.abort()
    this.previous = undefined
  }

  /** Loads again (the retry button). */
  async run() {
    this.controller?.abort()
    const controller = new AbortController()
    this.controller = controller
    this.status = 'loading'
    this.host.requestUpdate()
    try {
      const value = await this.options.load(controller.signal)
      if (controller.signal.aborted) return
      this.value = value
      this.error = undefined
      this.status = 'ready'
      this.options.onReady?.(value)
    } catch (error) {
      if (controller.signal.aborted) return
      this.error = error instanceof ApiError ? error : new ApiError(0, null)
      this.status = 'error'
      this.options.onError?.(this.error)
    }
    this.host.requestUpdate()
  }
}
