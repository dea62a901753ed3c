import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ServiceContext } from '..'
import type { AdminBody, Service } from '../types'
import { toWireError } from '../errors'
import { readBody, sendJson } from '../server'
import type { FunctionsService } from '../functions'
import type { OpenApiService } from '../openapi'
import type { StorageService } from '../storage'
import { INSPECTOR_HTML } from './page'

const LOCAL_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?$/

type Api = (url: URL, body: Record<string, unknown>) => Promise<unknown>

/**
 * The inspector: one HTML page (GET / or /_inspector) and a small JSON API under
 * /_inspector/api/ — collections and documents (through the database's SDK wire actions),
 * a query box, the outbox, stored files, function logs and "fire timer now".
 */
export function createInspector(ctx: ServiceContext): Service {
  const db = (action: string, body: Record<string, unknown> = {}) => {
    const database = ctx.service<Service>('database')
    if (!database.handleAdmin) throw new Error('the database service is not available')
    return database.handleAdmin(action, { ...body, action } as AdminBody, undefined as unknown as IncomingMessage)
  }
  const functions = () => ctx.service<FunctionsService>('functions')

  const routes: Record<string, Api> = {
    'GET /_inspector/api/overview': async () => ({
      url: ctx.url,
      envId: ctx.options.envId,
      sdkEnv: ctx.sdkEnv,
      functions: functions().list(),
      collections: await db('database.listCollections').then(
        (r) => (r as { data: { collections: unknown[] } }).data.collections,
        (e) => ({ error: (e as Error).message }),
      ),
    }),
    'GET /_inspector/api/docs': async (url) => {
      const collectionName = url.searchParams.get('c') ?? ''
      const query = url.searchParams.get('q') || '{}'
      const order = url.searchParams.get('sort') || '{}'
      const offset = Number(url.searchParams.get('skip')) || 0
      const limit = Math.min(Number(url.searchParams.get('limit')) || 20, 100)
      const got = (await db('database.getDocument', { collectionName, query, order, offset, limit, queryType: 'WHERE' })) as { data: { list: string[] } }
      const counted = (await db('database.calculateDocument', { collectionName, query, queryType: 'WHERE' })) as { data: { total: number } }
      return { total: counted.data.total, list: got.data.list.map((d) => JSON.parse(d)) }
    },
    'GET /_inspector/api/outbox': async (url) => ({ list: ctx.service<OpenApiService>('openapi').outbox({ api: url.searchParams.get('api') || undefined }).slice(-200).reverse() }),
    'GET /_inspector/api/files': async () => {
      const storage = ctx.service<StorageService>('storage')
      return { list: storage.files.list().map((p) => ({ path: p, fileID: storage.files.fileId(p) })) }
    },
    'GET /_inspector/api/logs': async (url) => functions().logs(url.searchParams.get('fn') ?? ''),
    'POST /_inspector/api/fire': async (_url, body) => functions().fireTrigger(String(body.fn ?? ''), body.trigger ? String(body.trigger) : undefined),
    'POST /_inspector/api/call': async (_url, body) =>
      functions().invoke(String(body.name ?? ''), body.data ?? {}, { openid: body.openid ? String(body.openid) : undefined, source: 'wx_devtools' }),
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const origin = req.headers.origin
    if (origin && !LOCAL_ORIGIN.test(origin)) return sendJson(res, 403, { code: 'INVALID_REQUEST_SOURCE', message: 'origin not allowed' })
    const route = routes[`${req.method} ${url.pathname}`]
    if (!route) return sendJson(res, 404, { code: 'NOT_FOUND', message: `no inspector route ${req.method} ${url.pathname}` })
    try {
      let body: Record<string, unknown> = {}
      if (req.method === 'POST') {
        if (!(req.headers['content-type'] ?? '').includes('json')) return sendJson(res, 415, { code: 'INVALID_PARAM', message: 'send JSON' })
        body = JSON.parse((await readBody(req, 1024 * 1024)).toString('utf8') || '{}')
      }
      sendJson(res, 200, await route(url, body))
    } catch (err) {
      sendJson(res, 200, toWireError(err).toJSON())
    }
  }

  return {
    name: 'inspector',
    async handleHttp(req, res, url) {
      if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/_inspector' || url.pathname === '/_inspector/')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        res.end(INSPECTOR_HTML)
        return true
      }
      if (!url.pathname.startsWith('/_inspector/api/')) return false
      await api(req, res, url)
      return true
    },
  }
}
