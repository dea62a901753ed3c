import fs from 'node:fs'
import path from 'node:path'

/** One open API call as recorded in the outbox. */
export interface OutboxEntry {
  seq: number
  at: string
  /** e.g. subscribeMessage.send */
  api: string
  /** The parameters the function sent (snake_case, as on the wire). */
  data: Record<string, unknown>
  /** The user on whose behalf the calling function ran, if any. */
  openid?: string
  appid?: string
  /** What the local cloud answered (errcode 0 = accepted). */
  result: Record<string, unknown>
}

const MAX_IN_MEMORY = 5000

/** Every open API call: kept in memory and appended to <dataDir>/outbox.jsonl. */
export class Outbox {
  private entries: OutboxEntry[] = []
  private seq = 0
  readonly file: string

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'outbox.jsonl')
  }

  /** Load what earlier runs recorded (a torn last line from a crash is skipped). */
  load(): void {
    if (!fs.existsSync(this.file)) return
    for (const line of fs.readFileSync(this.file, 'utf8').split('\n')) {
      if (!line.trim()) continue
      try {
        this.entries.push(JSON.parse(line))
      } catch {
        // a partial line left by a crash
      }
    }
    this.entries = this.entries.slice(-MAX_IN_MEMORY)
    this.seq = this.entries.reduce((m, e) => Math.max(m, e.seq ?? 0), 0)
  }

  record(e: Omit<OutboxEntry, 'seq' | 'at'>): OutboxEntry {
    const entry: OutboxEntry = { seq: ++this.seq, at: new Date().toISOString(), ...e }
    this.entries.push(entry)
    if (this.entries.length > MAX_IN_MEMORY) this.entries.shift()
    fs.appendFileSync(this.file, JSON.stringify(entry) + '\n')
    return entry
  }

  /** Entries, oldest first, optionally of one api and/or after a sequence number. */
  list(filter: { api?: string; since?: number } = {}): OutboxEntry[] {
    return this.entries.filter((e) => (!filter.api || e.api === filter.api) && (!filter.since || e.seq > filter.since))
  }

  clear(): void {
    this.entries = []
    fs.rmSync(this.file, { force: true })
  }
}
