import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const CLOCK_TICK_MICROS = 10_000 // USER_HZ is 100 on Linux

export interface Proc {
  url: string
  pid: number
  /** User + system CPU time the process has used so far, in µs. */
  cpuMicros(): number
  /** Peak resident set size so far, in MiB. */
  peakRssMiB(): number
  stop(): Promise<void>
}

/** `doorlopend serve` as its own process on 127.0.0.1 and a free port. */
export function startEngine(env: Record<string, string>): Promise<Proc> {
  // One bench token sends every request: the per-client limit would answer most of them 429.
  // Logs at info, as in production: the engine's cost includes its request lines.
  env = { RATE_LIMIT_PER_10S: '0', ...env }
  // BENCH_CPU_PROF=<dir>: the server writes a CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []
  return startProcess([...flags, 'bin/doorlopend.js', 'serve'], env)
}

/** Any TypeScript file that prints `luistert op http://…` once it listens. */
export function startScript(file: string, env: Record<string, string> = {}): Promise<Proc> {
  return startProcess(['bin/run-ts.js', file], env)
}

async function startProcess(args: string[], env: Record<string, string>): Promise<Proc> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Output is kept until the server listens (for the error message), then dropped: a request line
  // per request would otherwise pile up in the harness's memory.
  let log = ''
  let listening = false
  const keep = (d: Buffer) => {
    if (!listening) log += d.toString()
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start in 60 s:\n${log}`)), 60_000)
    child.stdout?.on('data', () => {
      const match = /luistert op (http:\/\/127\.0\.0\.1:\d+)/.exec(log)
      if (match?.[1] && !listening) {
        listening = true
        log = ''
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`exited with ${code} before listening:\n${log}`))
    })
  })
  child.stderr?.on('data', (d: Buffer) => process.env.BENCH_DEBUG && process.stderr.write(d))
  const pid = child.pid ?? 0
  return {
    url,
    pid,
    cpuMicros: () => cpuMicros(pid),
    peakRssMiB: () => peakRss(pid),
    stop: () => stop(child),
  }
}

function cpuMicros(pid: number): number {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MICROS
}

function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return Math.round(kib / 1024)
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(force)
}

/**
 * Runs a TypeScript file to its end in a process of its own and returns the JSON object its last
 * line of output holds: measurements that must not share a heap with the load generator.
 */
export async function runJsonScript<T>(file: string, env: Record<string, string>): Promise<T> {
  const child = spawn(process.execPath, ['bin/run-ts.js', file], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  const line = out.trim().split('\n').pop() ?? ''
  if (code !== 0 || !line.startsWith('{')) throw new Error(`${file} failed (${code}):\n${out}`)
  return JSON.parse(line) as T
}
