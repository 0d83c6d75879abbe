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
