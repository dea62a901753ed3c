import fs from 'node:fs'
import path from 'node:path'
import { crc32 } from 'node:zlib'

/**
 * Durable storage: an append-only journal of committed records plus an occasional snapshot.
 *
 * - Every record is one line `<crc32 hex> <json>\n`. A commit is acknowledged only after its line
 *   is written and fdatasync'd, so an acknowledged write survives kill -9. One record holds all the
 *   writes of one commit, so a transaction is all or nothing: a torn last line fails its checksum
 *   and is cut off at the next start.
 * - Group commit: records appended while a flush is in flight are written and synced together by
 *   the next flush (one fdatasync for many concurrent writers).
 * - Compaction: `snapshot(seq, lines)` rotates to a new journal file at once, writes the snapshot
 *   to a temp file, syncs and renames it, then deletes the journal files it covers. At start the
 *   latest snapshot is loaded and journal records with a seq above it are replayed.
 */
export interface Record {
  s: number
}

const SNAPSHOT = 'snapshot.jsonl'
/** Flushes up to this size are written synchronously (see flush). */
const SYNC_WRITE_BYTES = 256 * 1024
const journalName = (startSeq: number) => `journal-${String(startSeq).padStart(12, '0')}.log`

interface Pending {
  line: string
  resolve: () => void
  reject: (err: Error) => void
}

export class Journal {
  private fd = -1
  private file = ''
  private size = 0
  private queue: Pending[] = []
  private flushing = false
  private closed = false
  /** While rotating files no flush may start. */
  private paused = false
  /** Called between flushes (nothing in flight): the place to rotate safely. */
  private between: (() => void)[] = []
  fsyncs = 0

  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true })
  }

  get bytes(): number {
    return this.size
  }

  /** Read the snapshot (lines after the header) and every valid journal record, in order. */
  load(): { snapshotSeq: number; snapshotLines: string[]; records: string[] } {
    let snapshotSeq = 0
    let snapshotLines: string[] = []
    const snapPath = path.join(this.dir, SNAPSHOT)
    if (fs.existsSync(snapPath)) {
      const lines = fs.readFileSync(snapPath, 'utf8').split('\n').filter(Boolean)
      snapshotSeq = (JSON.parse(lines[0]) as { seq: number }).seq
      snapshotLines = lines.slice(1)
    }
    const records: string[] = []
    const files = this.journalFiles()
    for (const name of files) {
      const full = path.join(this.dir, name)
      const buf = fs.readFileSync(full)
      let pos = 0
      while (pos < buf.length) {
        const nl = buf.indexOf(10, pos)
        const line = nl < 0 ? null : buf.subarray(pos, nl).toString('utf8')
        const sp = line ? line.indexOf(' ') : -1
        if (line === null || sp < 0 || (crc32(line.slice(sp + 1)) >>> 0).toString(16) !== line.slice(0, sp)) {
          // Torn or corrupt tail (a crash mid-write): drop it so later appends start clean.
          fs.truncateSync(full, pos)
          break
        }
        records.push(line.slice(sp + 1))
        pos = nl + 1
      }
    }
    this.file = files.length ? path.join(this.dir, files[files.length - 1]) : path.join(this.dir, journalName(snapshotSeq + 1))
    this.fd = openJournal(this.file)
    this.size = fs.fstatSync(this.fd).size
    return { snapshotSeq, snapshotLines, records }
  }

  private journalFiles(): string[] {
    return fs.readdirSync(this.dir).filter((f) => /^journal-\d+\.log$/.test(f)).sort()
  }

  /** Queue one record; resolves once it is on disk. */
  append(json: string): Promise<void> {
    if (this.closed) return Promise.reject(new Error('database journal is closed'))
    const line = `${(crc32(json) >>> 0).toString(16)} ${json}\n`
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line, resolve, reject })
      if (!this.flushing && !this.paused) void this.flush()
    })
  }

  private async flush(): Promise<void> {
    this.flushing = true
    try {
      while (this.queue.length) {
        const batch = this.queue
        this.queue = []
        try {
          const buf = Buffer.from(batch.map((p) => p.line).join(''), 'utf8')
          // A small append to the page cache takes microseconds: write it on the spot and leave only
          // the fdatasync to the thread pool (one thread-pool round trip per flush instead of two).
          if (buf.length <= SYNC_WRITE_BYTES) writeAllSync(this.fd, buf)
          else await writeAll(this.fd, buf)
          await new Promise<void>((res, rej) => fs.fdatasync(this.fd, (e) => (e ? rej(e) : res())))
          this.fsyncs++
          this.size += buf.length
          for (const p of batch) p.resolve()
        } catch (err) {
          for (const p of batch) p.reject(err as Error)
        }
        this.runBetween()
      }
    } finally {
      this.flushing = false
      this.runBetween()
    }
  }

  private runBetween(): void {
    const tasks = this.between
    this.between = []
    for (const t of tasks) t()
  }

  /** Resolves when nothing is queued or in flight. */
  async drain(): Promise<void> {
    while (this.flushing || this.queue.length) {
      await new Promise<void>((res) => this.between.push(res))
    }
  }

  /**
   * Compact: rotate to a fresh journal file, then (synchronously, right after rotating) ask `build`
   * for the full state and its seq, and write it as the snapshot. Every record applied before the
   * rotation is in the snapshot; every record after it goes to the new file, so the old files can go.
   */
  async snapshot(build: () => { seq: number; lines: string[] }): Promise<number> {
    this.paused = true
    let built: { seq: number; lines: string[] }
    try {
      while (this.flushing) await new Promise<void>((res) => this.between.push(res))
      const oldFiles = this.journalFiles()
      built = build()
      fs.closeSync(this.fd)
      this.file = path.join(this.dir, journalName(built.seq + 1))
      const keep = oldFiles.indexOf(path.basename(this.file))
      if (keep >= 0) oldFiles.splice(keep, 1)
      this.fd = openJournal(this.file)
      this.size = fs.fstatSync(this.fd).size
      this.paused = false
      if (this.queue.length) void this.flush()
      await this.writeSnapshot(built.seq, built.lines)
      for (const f of oldFiles) fs.rmSync(path.join(this.dir, f), { force: true })
    } finally {
      if (this.paused) {
        this.paused = false
        if (this.queue.length) void this.flush()
      }
    }
    return built.lines.length
  }

  private async writeSnapshot(seq: number, lines: string[]): Promise<void> {
    const tmp = path.join(this.dir, `${SNAPSHOT}.tmp`)
    const fd = fs.openSync(tmp, 'w')
    try {
      await writeAll(fd, Buffer.from(JSON.stringify({ seq }) + '\n'))
      const chunk = 2000
      for (let i = 0; i < lines.length; i += chunk) await writeAll(fd, Buffer.from(lines.slice(i, i + chunk).join('\n') + '\n'))
      await new Promise<void>((res, rej) => fs.fsync(fd, (e) => (e ? rej(e) : res())))
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(tmp, path.join(this.dir, SNAPSHOT))
    syncDir(this.dir)
  }

  async close(): Promise<void> {
    await this.drain()
    this.closed = true
    if (this.fd >= 0) fs.closeSync(this.fd)
    this.fd = -1
  }

  /** Delete all files (tests' reset). The journal stays open on a fresh empty file. */
  async wipe(): Promise<void> {
    await this.drain()
    fs.closeSync(this.fd)
    for (const f of fs.readdirSync(this.dir)) fs.rmSync(path.join(this.dir, f), { force: true })
    this.file = path.join(this.dir, journalName(1))
    this.fd = openJournal(this.file)
    this.size = 0
  }
}

function writeAllSync(fd: number, buf: Buffer): void {
  for (let off = 0; off < buf.length; ) off += fs.writeSync(fd, buf, off, buf.length - off)
}

function writeAll(fd: number, buf: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = (off: number) => {
      if (off >= buf.length) return resolve()
      fs.write(fd, buf, off, buf.length - off, null, (err, n) => (err ? reject(err) : step(off + n)))
    }
    step(0)
  })
}

/**
 * Open (or create) a journal file for appending. A new file's directory entry is synced at once:
 * records fdatasync'd into it must not vanish with the entry after a power cut.
 */
function openJournal(file: string): number {
  const created = !fs.existsSync(file)
  const fd = fs.openSync(file, 'a')
  if (created) syncDir(path.dirname(file))
  return fd
}

function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
    fs.closeSync(fd)
  } catch {
    // Some file systems do not allow syncing a directory; the rename is still atomic.
  }
}
