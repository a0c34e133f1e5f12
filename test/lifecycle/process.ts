import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import type { Socket } from 'node:net'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../../bin/doorlopend.js', import.meta.url))

export interface Run {
  child: ChildProcess
  /** stdout alone: what a log shipper reads. */
  stdout: () => string
  stderr: () => string
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>
}

/** Runs `doorlopend <args>` with `env` on top of this process's environment. */
export function runDoorlopend(args: string[], env: Record<string, string>): Run {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()))
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  return { child, stdout: () => out, stderr: () => err, exited }
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** Waits until `url` answers 200, or the process ends first (then throws). */
export async function untilAnswers(url: string, run: Run): Promise<void> {
  let ended = false
  void run.exited.then(() => (ended = true))
  for (;;) {
    if (ended) throw new Error(`exited before answering:\n${run.stdout()}\n${run.stderr()}`)
    const res = await fetch(url).catch(() => undefined)
    if (res?.status === 200) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** A TCP listener that accepts connections and never says a word: a black-holed database. */
export async function blackHole(): Promise<{ url: string; close(): Promise<void> }> {
  const held = new Set<Socket>()
  const server = createServer((socket) => {
    held.add(socket)
    socket.on('close', () => held.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as { port: number }
  return {
    url: `postgres://doorlopend:geheim@127.0.0.1:${port}/doorlopend`,
    close: async () => {
      for (const socket of held) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
