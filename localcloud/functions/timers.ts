import { parseWxCron } from './cron'
import type { Gateway, InvokeOutcome } from './gateway'

const RESCAN_MS = 2000
const MAX_DELAY_MS = 2 ** 31 - 1

/** The event a timer trigger hands to main(), as in the cloud. */
export function timerEvent(triggerName: string, at = new Date()): Record<string, string> {
  return { Type: 'Timer', TriggerName: triggerName, Time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'), Message: '' }
}

/**
 * Runs the timer triggers declared in each function's config.json. Configs are re-read every
 * couple of seconds, so a rebuilt function's new schedule takes effect without a restart.
 */
export class TimerScheduler {
  private readonly scheduled = new Map<string, { spec: string; timer?: NodeJS.Timeout }>()
  private rescanTimer?: NodeJS.Timeout
  private running = false

  constructor(
    private readonly gateway: Gateway,
    private readonly log: (line: string) => void,
  ) {}

  start(): void {
    this.running = true
    this.rescan()
    this.rescanTimer = setInterval(() => this.rescan(), RESCAN_MS)
    this.rescanTimer.unref()
  }

  stop(): void {
    this.running = false
    clearInterval(this.rescanTimer)
    for (const s of this.scheduled.values()) clearTimeout(s.timer)
    this.scheduled.clear()
  }

  /** Fire a trigger now (tests, inspector). Without a trigger name, the function's first trigger. */
  async fire(fn: string, triggerName?: string): Promise<InvokeOutcome> {
    const triggers = this.gateway.config(fn).triggers
    const trigger = triggerName ? triggers.find((t) => t.name === triggerName) : triggers[0]
    const name = trigger?.name ?? triggerName ?? 'manual'
    return this.gateway.invoke(fn, timerEvent(name), {}, name)
  }

  private rescan(): void {
    const seen = new Set<string>()
    for (const fn of this.gateway.names()) {
      let triggers
      try {
        triggers = this.gateway.config(fn).triggers
      } catch (err) {
        this.log(`[functions] ${fn}: ${(err as Error).message}`)
        continue
      }
      for (const t of triggers) {
        const key = `${fn}/${t.name}`
        seen.add(key)
        if (this.scheduled.get(key)?.spec === t.config) continue
        this.unschedule(key)
        this.schedule(fn, t.name, t.config, key)
      }
    }
    for (const key of [...this.scheduled.keys()]) if (!seen.has(key)) this.unschedule(key)
  }

  private unschedule(key: string): void {
    clearTimeout(this.scheduled.get(key)?.timer)
    this.scheduled.delete(key)
  }

  private schedule(fn: string, trigger: string, spec: string, key: string): void {
    let cron
    try {
      cron = parseWxCron(spec)
    } catch (err) {
      this.log(`[functions] ${fn} trigger ${trigger}: ${(err as Error).message}`)
      this.scheduled.set(key, { spec })
      return
    }
    const entry: { spec: string; timer?: NodeJS.Timeout } = { spec }
    this.scheduled.set(key, entry)
    // `after` guards against a timer firing a millisecond early and re-arming for the same second.
    const arm = (after = new Date()) => {
      const next = cron.next(after)
      if (!next || !this.running || this.scheduled.get(key) !== entry) return
      entry.timer = setTimeout(() => {
        if (this.scheduled.get(key) !== entry) return
        arm(new Date(Math.max(Date.now(), next.getTime())))
        void this.gateway.invoke(fn, timerEvent(trigger, next), {}, trigger).then((o) => {
          if (!o.ok) this.log(`[functions] timer ${key} failed: ${o.message}`)
        })
      }, Math.min(MAX_DELAY_MS, Math.max(0, next.getTime() - Date.now())))
      entry.timer.unref()
    }
    arm()
  }
}
