import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import type { AdminBody, Service } from './types'
import { WireError, toWireError } from './errors'

/** Read a whole request body. */
export function readBody(req: http.IncomingMessage, limit = 64 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) reject(new WireError('INVALID_PARAM', 'request body too large'))
      else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

/**
 * The hub: one HTTP listener on loopback. `POST /admin` with a JSON body is the SDK's wire and is
 * routed by `action` prefix; every other request is offered to each service's handleHttp in turn.
 * A malformed or unknown request gets the cloud's error shape; the process keeps serving.
 */
export class Hub {
  private server?: http.Server
  constructor(private readonly services: Service[], private readonly log: (l: string) => void) {}

  async listen(port: number, host: string): Promise<number> {
    this.server = http.createServer((req, res) => {
      this.route(req, res).catch((err) => {
        this.log(`[hub] unhandled ${req.method} ${req.url}: ${(err as Error)?.stack ?? err}`)
        if (!res.headersSent) sendJson(res, 500, { code: 'SYS_ERR', message: 'internal error' })
        else res.end()
      })
    })
    this.server.keepAliveTimeout = 60_000
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject)
      this.server!.listen(port, host, () => resolve())
    })
    return (this.server.address() as AddressInfo).port
  }

  async close(): Promise<void> {
    const s = this.server
    if (!s) return
    s.closeAllConnections?.()
    await new Promise<void>((resolve) => s.close(() => resolve()))
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const isJson = (req.headers['content-type'] ?? '').includes('json')
    // The SDK's wire is the hot path: route it before parsing the URL.
    if (req.method === 'POST' && req.url?.startsWith('/admin') && isJson) return this.admin(req, res)
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    for (const s of this.services) {
      if (s.handleHttp && (await s.handleHttp(req, res, url))) return
    }
    sendJson(res, 404, { code: 'NOT_FOUND', message: `no route for ${req.method} ${url.pathname}` })
  }

  private async admin(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestId = randomUUID()
    let body: AdminBody
    try {
      body = JSON.parse((await readBody(req)).toString('utf8'))
      if (!body || typeof body !== 'object' || typeof body.action !== 'string') {
        throw new WireError('INVALID_PARAM', 'missing action')
      }
    } catch (err) {
      return sendJson(res, 200, { requestId, ...toWireError(err).toJSON() })
    }
    const service = this.services.find((s) => s.adminPrefixes?.some((p) => body.action.startsWith(p)))
    if (!service?.handleAdmin) {
      return sendJson(res, 200, { requestId, code: 'INVALID_ACTION', message: `unknown action ${body.action}` })
    }
    try {
      const result = (await service.handleAdmin(body.action, body, req)) as Record<string, unknown>
      sendJson(res, 200, { requestId, ...result })
    } catch (err) {
      const wire = toWireError(err)
      if (wire.code === 'SYS_ERR') this.log(`[hub] ${body.action} failed: ${(err as Error)?.stack ?? err}`)
      sendJson(res, 200, { requestId, ...wire.toJSON() })
    }
  }
}
