import fs from 'node:fs'
import path from 'node:path'
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { WireError } from '../errors'

/**
 * Files of the local cloud storage, on disk under <dataDir>/storage/<cloudPath>.
 * File ids look like the cloud's: cloud://<envId>.<bucket>/<cloudPath>.
 */
export class FileStore {
  readonly bucket: string
  readonly root: string
  private readonly secret = randomBytes(16)

  constructor(
    dataDir: string,
    readonly envId: string,
  ) {
    // The cloud's bucket names: hex of the env id's first two characters, the env id, an app id.
    this.bucket = `${Buffer.from(envId.slice(0, 2)).toString('hex')}-${envId}-1250000000`
    this.root = path.join(dataDir, 'storage')
    fs.mkdirSync(this.root, { recursive: true })
  }

  fileId(cloudPath: string): string {
    return `cloud://${this.envId}.${this.bucket}/${cloudPath}`
  }

  /** The cloud path of one of our file ids, or undefined if it is not one. */
  pathOf(fileId: unknown): string | undefined {
    if (typeof fileId !== 'string') return undefined
    const prefix = `cloud://${this.envId}.${this.bucket}/`
    if (!fileId.startsWith(prefix)) return undefined
    const p = fileId.slice(prefix.length)
    return safePath(p) ? p : undefined
  }

  /** Throws INVALID_PARAM unless `p` is a relative path that stays inside the bucket. */
  checkPath(p: unknown): string {
    if (typeof p !== 'string' || !safePath(p)) {
      throw new WireError('INVALID_PARAM', `invalid cloudPath: ${JSON.stringify(p)}`)
    }
    return p
  }

  private disk(p: string): string {
    return path.join(this.root, ...p.split('/'))
  }

  exists(p: string): boolean {
    try {
      return fs.statSync(this.disk(p)).isFile()
    } catch {
      return false
    }
  }

  write(p: string, content: Buffer): void {
    const file = this.disk(p)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    fs.writeFileSync(tmp, content)
    fs.renameSync(tmp, file)
  }

  read(p: string): Buffer | undefined {
    try {
      return fs.readFileSync(this.disk(p))
    } catch {
      return undefined
    }
  }

  remove(p: string): boolean {
    try {
      fs.unlinkSync(this.disk(p))
      return true
    } catch {
      return false
    }
  }

  /** Every stored cloud path (inspector). */
  list(): string[] {
    const out: string[] = []
    const walk = (dir: string, prefix: string) => {
      for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
        if (d.isDirectory()) walk(path.join(dir, d.name), `${prefix}${d.name}/`)
        else if (!d.name.endsWith('.tmp')) out.push(prefix + d.name)
      }
    }
    walk(this.root, '')
    return out.sort()
  }

  clear(): void {
    fs.rmSync(this.root, { recursive: true, force: true })
    fs.mkdirSync(this.root, { recursive: true })
  }

  /** A signature binding a purpose (upload / download until t) to one path. */
  sign(purpose: string, p: string, t = 0): string {
    return createHmac('sha256', this.secret).update(`${purpose}\n${p}\n${t}`).digest('hex')
  }

  verify(purpose: string, p: string, sig: unknown, t = 0): boolean {
    if (typeof sig !== 'string') return false
    const want = Buffer.from(this.sign(purpose, p, t))
    const got = Buffer.from(sig)
    return want.length === got.length && timingSafeEqual(want, got)
  }
}

function safePath(p: string): boolean {
  if (!p || p.length > 850 || p.startsWith('/') || p.includes('\\') || p.includes('\0')) return false
  return p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..')
}

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
}

export function mimeOf(p: string): string {
  return MIME[path.extname(p).slice(1).toLowerCase()] ?? 'application/octet-stream'
}
