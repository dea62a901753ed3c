import type { ServerResponse } from 'node:http'
import type { ServiceContext } from '..'
import type { AdminBody, Service } from '../types'
import { WireError } from '../errors'
import { readBody } from '../server'
import { FileStore, mimeOf } from './files'

/** Default lifetime of a temporary URL, seconds (the SDK's downloadFile asks for 600). */
const DEFAULT_MAX_AGE = 86400
const MAX_UPLOAD = 50 * 1024 * 1024

export interface StorageService extends Service {
  readonly name: 'storage'
  readonly files: FileStore
}

/** COS answers errors as XML; the SDK's uploadFile parses it. */
function sendXmlError(res: ServerResponse, status: number, code: string, message: string, resource: string): void {
  const esc = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)
  const body = `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${code}</Code>\n<Message>${esc(message)}</Message>\n<Resource>${esc(resource)}</Resource>\n<RequestId>local</RequestId>\n<TraceId>local</TraceId>\n</Error>`
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

/**
 * Storage: uploadFile (getUploadMetadata, then a PUT to the returned URL on this hub),
 * getTempFileURL / downloadFile (signed, expiring URLs served on loopback), deleteFile.
 */
export function createStorageService(ctx: ServiceContext): StorageService {
  const files = new FileStore(ctx.options.dataDir, ctx.options.envId)
  const objectUrl = (p: string) => `${ctx.url}/files/${files.bucket}/${p}`

  const admin: Record<string, (body: AdminBody) => unknown> = {
    'storage.getUploadMetadata'(body) {
      const p = files.checkPath(body.path)
      const authorization = files.sign('upload', p)
      return {
        data: {
          url: objectUrl(p.split('/').map(encodeURIComponent).join('/')),
          token: 'local',
          authorization,
          fileId: files.fileId(p),
          // Opaque and ASCII in the cloud too: the SDK sends it as an HTTP header.
          cosFileId: files.sign('cos', p).slice(0, 40),
        },
      }
    },
    'storage.batchGetDownloadUrl'(body) {
      if (!Array.isArray(body.file_list)) throw new WireError('INVALID_PARAM', 'file_list must be an array')
      const download_list = body.file_list.map((f: { fileid?: unknown; max_age?: unknown }) => {
        const fileID = f?.fileid
        const p = files.pathOf(fileID)
        const maxAge = typeof f?.max_age === 'number' && f.max_age > 0 ? f.max_age : DEFAULT_MAX_AGE
        if (!p || !files.exists(p)) return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', maxAge }
        const t = Math.floor(Date.now() / 1000) + maxAge
        return { fileID, tempFileURL: `${objectUrl(p)}?sign=${files.sign('download', p, t)}&t=${t}`, code: 'SUCCESS', maxAge }
      })
      return { data: { download_list } }
    },
    'storage.batchDeleteFile'(body) {
      if (!Array.isArray(body.fileid_list)) throw new WireError('INVALID_PARAM', 'fileid_list must be an array')
      const delete_list = body.fileid_list.map((fileID: unknown) => {
        const p = files.pathOf(fileID)
        return { fileID, code: p && files.remove(p) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' }
      })
      return { data: { delete_list } }
    },
  }

  return {
    name: 'storage',
    files,
    adminPrefixes: ['storage.'],
    async handleAdmin(action, body) {
      const handler = admin[action]
      if (!handler) throw new WireError('INVALID_ACTION', `unknown action ${action}`)
      return handler(body)
    },
    async handleHttp(req, res, url) {
      const prefix = `/files/${files.bucket}/`
      if (!url.pathname.startsWith(prefix)) return false
      let p: string
      try {
        p = url.pathname.slice(prefix.length).split('/').map(decodeURIComponent).join('/')
      } catch {
        p = ''
      }
      if (!files.pathOf(files.fileId(p))) {
        sendXmlError(res, 400, 'InvalidURI', 'invalid object key', url.pathname)
        return true
      }
      if (req.method === 'PUT') {
        if (!files.verify('upload', p, req.headers.authorization)) {
          sendXmlError(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.', p)
          return true
        }
        const body = await readBody(req, MAX_UPLOAD).catch(() => undefined)
        if (!body) {
          sendXmlError(res, 400, 'EntityTooLarge', `Your proposed upload exceeds the maximum allowed size (${MAX_UPLOAD} bytes)`, p)
          return true
        }
        files.write(p, body)
        res.writeHead(200, { 'content-length': 0, etag: `"${files.sign('etag', p).slice(0, 32)}"` }).end()
        return true
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendXmlError(res, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', p)
        return true
      }
      const t = Number(url.searchParams.get('t'))
      if (!files.verify('download', p, url.searchParams.get('sign'), t)) {
        sendXmlError(res, 403, 'AccessDenied', 'Access Denied.', p)
        return true
      }
      if (t < Date.now() / 1000) {
        sendXmlError(res, 403, 'AccessDenied', 'Request has expired', p)
        return true
      }
      const content = files.read(p)
      if (!content) {
        sendXmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.', p)
        return true
      }
      res.writeHead(200, { 'content-type': mimeOf(p), 'content-length': content.length, 'cache-control': 'private, max-age=60' })
      res.end(req.method === 'HEAD' ? undefined : content)
      return true
    },
    async reset() {
      files.clear()
    },
  }
}
