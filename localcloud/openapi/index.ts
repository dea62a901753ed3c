import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ServiceContext } from '..'
import type { Service } from '../types'
import { readBody, sendJson } from '../server'
import type { FunctionsService } from '../functions'
import { openApis, type ApiAnswer } from './apis'
import { parseMultipart } from './multipart'
import { Outbox, type OutboxEntry } from './outbox'
import { decodeCommApiData, encodeCommOpenApiResp, type KeyValuePair } from './protobuf'

export type { OutboxEntry } from './outbox'

export interface OpenApiService extends Service {
  readonly name: 'openapi'
  /** Recorded calls, oldest first. */
  outbox(filter?: { api?: string; since?: number }): OutboxEntry[]
}

/** The cloud's "API not found" for an open API the local cloud does not imitate. */
const API_NOT_FOUND = -604100

/**
 * A file parameter (media) reaches the handler with its bytes; the outbox keeps only its size. The
 * SDK (4.0.2) sets a file pair's `filename` but its `contentType` never reaches the wire (the
 * encoder reads a field spelled `contenttype`), so the filename marks a file.
 */
function pairValue(p: KeyValuePair): unknown {
  if (p.contentType || p.filename) return { contentType: p.contentType, filename: p.filename, bytes: p.value.length, value: p.value }
  const text = p.value.toString('utf8')
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

const withoutBytes = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.isBuffer((v as { value?: unknown })?.value) ? { ...(v as object), value: undefined } : v]))

function sendPb(res: ServerResponse, body: Buffer): void {
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length })
  res.end(body)
}

/**
 * Open API (cloud.openapi.*): the SDK posts multipart form data to /admin whose requestData is a
 * protobuf message of JSON-encoded parameters; the answer is a protobuf message wrapping the
 * WeChat server's body. Every call lands in the outbox.
 */
export function createOpenApiService(ctx: ServiceContext): OpenApiService {
  const outbox = new Outbox(ctx.options.dataDir)
  const apis = openApis()

  async function openApiCall(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let fields: Map<string, Buffer>
    let api: string
    let data: Record<string, unknown>
    try {
      fields = parseMultipart(await readBody(req), req.headers['content-type'] ?? '')
      api = fields.get('apiName')?.toString('utf8') ?? ''
      const action = fields.get('action')?.toString('utf8')
      if (action !== 'wx.openApi') return sendJson(res, 200, { code: 'INVALID_ACTION', message: `unknown action ${action}` })
      const msg = decodeCommApiData(fields.get('requestData') ?? Buffer.alloc(0))
      data = Object.fromEntries(msg.pairs.map((p) => [p.key, pairValue(p)]))
    } catch (err) {
      return sendJson(res, 200, { code: 'INVALID_PARAM', message: `malformed open API request: ${(err as Error).message}` })
    }
    const functions = ctx.service<FunctionsService>('functions')
    const caller = functions.identityForToken?.(fields.get('wxCloudApiToken')?.toString('utf8'))
    const handler = apis[api]
    let answer: ApiAnswer | undefined
    try {
      answer = handler ? await handler(data) : undefined
    } catch (err) {
      ctx.log(`[openapi] ${api} failed: ${(err as Error).stack}`)
      answer = { json: { errcode: -1, errmsg: 'system error' } }
    }
    const result = !answer ? { errorCode: API_NOT_FOUND } : 'json' in answer ? answer.json : answer.summary
    outbox.record({ api, data: withoutBytes(data), openid: caller?.openid, appid: caller?.appid, result })
    if (!answer) return sendPb(res, encodeCommOpenApiResp({ respData: Buffer.alloc(0), contentType: '', errorCode: API_NOT_FOUND }))
    const body =
      'json' in answer
        ? { respData: Buffer.from(JSON.stringify(answer.json)), contentType: 'application/json; charset=utf-8' }
        : { respData: answer.binary, contentType: answer.contentType }
    sendPb(res, encodeCommOpenApiResp({ ...body, httpCode: 200 }))
  }

  return {
    name: 'openapi',
    async start() {
      outbox.load()
    },
    async reset() {
      outbox.clear()
    },
    outbox: (filter) => outbox.list(filter),
    async handleHttp(req, res, url) {
      if (req.method === 'POST' && url.pathname === '/admin' && /multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
        await openApiCall(req, res)
        return true
      }
      if (req.method === 'GET' && url.pathname === '/outbox') {
        const since = Number(url.searchParams.get('since')) || undefined
        sendJson(res, 200, { list: outbox.list({ api: url.searchParams.get('api') ?? undefined, since }) })
        return true
      }
      return false
    },
  }
}
