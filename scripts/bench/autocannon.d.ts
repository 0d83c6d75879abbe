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

  export type Options = {
    url: string
    connections?: number
    duration?: number
    amount?: number
    timeout?: number
    headers?: Record<string, string>
    setupClient?: (client: { setHeaders: (headers: Record<string, string>) => void }) => void
    /** setupRequest's context is kept per connection. */
    requests?: {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      setupRequest?: (request: RawRequest, context: any) => RawRequest
    }[]
  }

  export type RawRequest = {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string | Buffer
  }

  export type Result = {
    url: string
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
