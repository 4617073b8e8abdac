// The few parts of autocannon's API the benchmarks use (the package ships no types).
declare module 'autocannon' {
  interface AutocannonRequest {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    /** Called before every request; returns the request to send. */
    setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest
  }
  interface Histogram {
    average: number
    p50: number
    p99: number
    max: number
  }
  interface Options {
    url: string
    connections?: number
    duration?: number
    requests?: AutocannonRequest[]
  }
  interface Result {
    duration: number
    '2xx': number
    non2xx: number
    errors: number
    timeouts: number
    latency: Histogram
    /** Bytes per second. */
    throughput: Histogram
    statusCodeStats: Record<string, { count: number }>
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
