import { format } from 'node:util'
import { currentOverlay } from './env-view'

/** One finished invocation, as the inspector shows it. */
export interface InvocationRecord {
  requestId: string
  at: string
  durationMs: number
  ok: boolean
  error?: string
  openid?: string
  source?: string
  trigger?: string
}

export interface FunctionLog {
  lines: string[]
  invocations: InvocationRecord[]
}

const MAX_LINES = 500
const MAX_INVOCATIONS = 200

/** The last lines of console output and the last invocations of each function. */
export class FunctionLogs {
  private readonly byName = new Map<string, FunctionLog>()

  of(name: string): FunctionLog {
    let log = this.byName.get(name)
    if (!log) this.byName.set(name, (log = { lines: [], invocations: [] }))
    return log
  }

  line(name: string, text: string): void {
    const log = this.of(name)
    log.lines.push(text)
    if (log.lines.length > MAX_LINES) log.lines.splice(0, log.lines.length - MAX_LINES)
  }

  invocation(name: string, rec: InvocationRecord): void {
    const log = this.of(name)
    log.invocations.push(rec)
    if (log.invocations.length > MAX_INVOCATIONS) log.invocations.splice(0, log.invocations.length - MAX_INVOCATIONS)
  }

  names(): string[] {
    return [...this.byName.keys()].sort()
  }

  clear(): void {
    this.byName.clear()
  }
}

/** Overlay key naming the running function, so console output can be attributed to it. */
export const FN_NAME_KEY = 'SCF_FUNCTIONNAME'
export const REQUEST_ID_KEY = 'SCF_REQUESTID'

type Sink = (fn: string, line: string, overlay: Readonly<Record<string, string | undefined>>) => void
const sinks = new Set<Sink>()
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const
let inSink = false
let originals: Partial<Record<(typeof methods)[number], (...a: unknown[]) => void>> | undefined

/**
 * Capture console output made inside invocations (found through the env view) and hand it to
 * every registered sink; output outside invocations is untouched. Returns an uninstaller.
 */
export function captureConsole(sink: Sink): () => void {
  sinks.add(sink)
  if (!originals) {
    originals = {}
    for (const m of methods) {
      const orig = console[m].bind(console)
      originals[m] = orig
      console[m] = (...args: unknown[]) => {
        const overlay = currentOverlay()
        const fn = overlay?.[FN_NAME_KEY]
        // A sink that logs through console (e.g. a `log` option of console.log) must not be captured again.
        if (!overlay || !fn || inSink) return orig(...args)
        const line = `${new Date().toISOString()} ${m.toUpperCase()} ${format(...args)}`
        inSink = true
        try {
          for (const s of sinks) s(fn, line, overlay)
        } finally {
          inSink = false
        }
      }
    }
  }
  return () => {
    sinks.delete(sink)
    if (sinks.size === 0 && originals) {
      for (const m of methods) console[m] = originals[m]!
      originals = undefined
    }
  }
}
