declare module 'autocannon' {
  type Histogram = {
    average: number
    min: number
    max: number
    total: number
    p50: number
    p90: number
    p99: number
  }

  export type RawRequest = {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string | Buffer
    /**
     * Builds each request. Its `context` is NOT kept per connection: autocannon clears it each time
     * it comes back to the first entry of `requests`, so with one entry it is new every request.
     * Per-connection state belongs in `setupClient`.
     */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    setupRequest?: (request: RawRequest, context: any) => RawRequest
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    onResponse?: (status: number, body: string, context: any) => void
  }

  /** One connection, handed to `setupClient` once when it is created. */
  export type Client = {
    setHeaders: (headers: Record<string, string>) => void
    setRequests: (requests: RawRequest[]) => void
  }

  export type Options = {
    url: string
    connections?: number
    duration?: number
    amount?: number
    timeout?: number
    method?: string
    headers?: Record<string, string>
    setupClient?: (client: Client) => void
    requests?: RawRequest[]
  }

  export type Result = {
    url: string
    /** Seconds. */
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    statusCodeStats: Record<string, { count: number }>
    latency: Histogram
    requests: Histogram & { sent: number }
    throughput: Histogram
  }

  export default function autocannon(options: Options): Promise<Result>
}
