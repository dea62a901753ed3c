import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ServiceContext } from '..'
import { readBody, sendJson } from '../server'
import type { StorageService } from '../storage'

/** Decoded size limit of one dev upload (photos from a phone camera are ~2–4 MB). */
export const DEV_UPLOAD_MAX = 5 * 1024 * 1024

/**
 * `POST /dev/upload {cloudPath, base64}` → `{fileID}`: what `wx.cloud.uploadFile` does for a
 * mini-program, for the H5 build (which reaches the local cloud only through the dev entry).
 * Errors as the dev entry reports them: `{errCode, errMsg}`.
 */
export async function handleDevUpload(ctx: ServiceContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { errCode: -501007, errMsg: 'use POST' })
  let body: unknown
  try {
    body = JSON.parse((await readBody(req, Math.ceil((DEV_UPLOAD_MAX * 4) / 3) + 4096)).toString('utf8'))
  } catch (err) {
    return sendJson(res, 400, { errCode: -501007, errMsg: `invalid parameters: body is not JSON or too large (${(err as Error).message})` })
  }
  const { cloudPath, base64 } = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  if (typeof base64 !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length === 0) {
    return sendJson(res, 400, { errCode: -501007, errMsg: 'invalid parameters: base64 must be non-empty base64 text' })
  }
  const content = Buffer.from(base64, 'base64')
  if (content.length > DEV_UPLOAD_MAX) return sendJson(res, 400, { errCode: -501007, errMsg: `invalid parameters: file larger than ${DEV_UPLOAD_MAX} bytes` })
  const { files } = ctx.service<StorageService>('storage')
  let p: string
  try {
    p = files.checkPath(cloudPath)
  } catch (err) {
    return sendJson(res, 400, { errCode: -501007, errMsg: `invalid parameters: cloudPath ${(err as Error).message}` })
  }
  files.write(p, content)
  sendJson(res, 200, { fileID: files.fileId(p) })
}
