import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ServiceContext } from '..'
import type { Service } from '../types'
import { readBody, sendJson } from '../server'
import { clientError, type FunctionsService } from '../functions'
import { handleDevUpload } from './upload'

const LOCAL_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?$/

/** CORS only for pages served from this machine (the H5 dev server, e2e tests). */
function cors(req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin
  if (!origin) return true
  if (!LOCAL_ORIGIN.test(origin)) return false
  res.setHeader('access-control-allow-origin', origin)
  res.setHeader('vary', 'origin')
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS')
  res.setHeader('access-control-allow-headers', 'content-type')
  res.setHeader('access-control-expose-headers', 'x-request-id')
  res.setHeader('access-control-max-age', '600')
  return true
}

interface DevCall {
  name: string
  data: object
  openid?: string
  appid?: string
  unionid?: string
}

/** A valid call, or what is wrong with it. */
function parseCall(body: unknown): DevCall | string {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'body must be an object'
  const { name, data, openid, appid, unionid } = body as Record<string, unknown>
  if (typeof name !== 'string' || !name) return 'name must be a non-empty string'
  if (data !== undefined && (typeof data !== 'object' || data === null)) return 'data must be an object'
  for (const [k, v] of Object.entries({ openid, appid, unionid })) {
    if (v !== undefined && typeof v !== 'string') return `${k} must be a string`
  }
  return { name, data: (data as object) ?? {}, ...({ openid, appid, unionid } as Record<string, string | undefined>) }
}

/**
 * The dev entry (local development only): call a function over HTTP as a chosen user.
 * `POST /dev/call {name, data, openid}` → `{result}` or `{errCode, errMsg}` as callFunction reports it.
 */
export function createDevEntry(ctx: ServiceContext): Service {
  const enabled = !!ctx.options.devEntry
  return {
    name: 'dev',
    async handleHttp(req, res, url) {
      if (!enabled || !url.pathname.startsWith('/dev/')) return false
      if (!cors(req, res)) {
        sendJson(res, 403, { errCode: -501008, errMsg: 'invalid request source: origin not allowed' })
        return true
      }
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end()
        return true
      }
      if (url.pathname === '/dev/health' && req.method === 'GET') {
        sendJson(res, 200, { ok: true })
        return true
      }
      if (url.pathname === '/dev/upload') {
        await handleDevUpload(ctx, req, res)
        return true
      }
      if (url.pathname !== '/dev/call') return false
      if (req.method !== 'POST') {
        sendJson(res, 405, { errCode: -501007, errMsg: 'use POST' })
        return true
      }
      let call: DevCall | string
      try {
        call = parseCall(JSON.parse((await readBody(req, 6 * 1024 * 1024)).toString('utf8')))
      } catch (err) {
        call = `body is not JSON (${(err as Error).message})`
      }
      if (typeof call === 'string') {
        sendJson(res, 400, { errCode: -501007, errMsg: `invalid parameters: ${call}` })
        return true
      }
      const { name, data, openid, appid, unionid } = call
      const functions = ctx.service<FunctionsService>('functions')
      const outcome = await functions.invoke(name, data, {
        openid,
        appid,
        unionid,
        source: 'wx_client',
        clientIp: req.socket.remoteAddress?.replace(/^::ffff:/, ''),
      })
      // The invocation id, for counting its database round trips (database stats().byCaller).
      res.setHeader('x-request-id', outcome.requestId)
      sendJson(res, 200, outcome.ok ? { result: outcome.result } : clientError(outcome))
      return true
    },
  }
}
