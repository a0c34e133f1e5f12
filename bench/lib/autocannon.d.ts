// The part of autocannon's API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  interface Histogram {
    p50: number
    p99: number
    average: number
  }
  interface Result {
    requests: { total: number; average: number }
    latency: Histogram
    errors: number
    timeouts: number
    non2xx: number
  }
  interface Options {
    url: string
    connections?: number
    duration?: number
    timeout?: number
    requests?: unknown[]
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
