import { AsyncLocalStorage } from 'node:async_hooks'
import { pino } from 'pino'
import type { DestinationStream, Logger } from 'pino'
import pretty from 'pino-pretty'
import type { LogLevel } from './levels.ts'

export type Log = Logger

export interface LogOptions {
  level: LogLevel
  /** Where the lines go; default stdout: readable on a terminal, JSON lines otherwise. */
  destination?: DestinationStream
}

/** What every line written while a request is handled carries (its request id). */
const requestScope = new AsyncLocalStorage<{ reqId: string }>()

/** Runs `work` with `reqId` on every log line it writes, however deep the call. */
export function withRequestId<T>(reqId: string, work: () => T): T {
  return requestScope.run({ reqId }, work)
}

/** The one logger of a server process. */
export function createLog(options: LogOptions): Log {
  return pino(
    {
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // `"level":"warn"`, not pino's number: what log shippers and people read without a table.
      formatters: { level: (label) => ({ level: label }) },
      // Secrets never reach a log line: should code ever pass one in these fields, it is dropped.
      redact: {
        paths: ['token', 'authorization', 'cookie', '*.token', '*.authorization'],
        remove: true,
      },
      mixin: () => requestScope.getStore() ?? {},
      serializers: { err: errorLine },
    },
    options.destination ?? stdout(),
  )
}

/**
 * An error as a log field: its type, code, message and stack. Not its other fields: a database
 * error's `detail` can quote the values of a row, names and e-mail addresses among them.
 */
function errorLine(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) }
  const code = (error as { code?: unknown }).code
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    stack: error.stack,
  }
}

function stdout(): DestinationStream {
  if (process.stdout.isTTY) {
    return pretty({
      colorize: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
      sync: true,
    })
  }
  return pino.destination({ fd: 1, sync: true })
}
