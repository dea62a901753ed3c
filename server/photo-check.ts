/**
 * Uploaded photos pass WeChat's image check before a handler sees them, as free text does
 * (text-check.ts). security.imgSecCheck answers at once, so the person is told at the photo, in the
 * form; the newer media check only answers later by message push, when the order is already made.
 * Its limit (about 1 MB, 750 × 1334) is met by the app compressing photos before upload.
 */
import type * as z from 'zod'
import { AppError, commonError } from '../core/contract/errors'
import { hasPhotos, photosIn, type PhotoValue } from '../core/contract/walk'
import type { Ctx } from './context'

type CheckCtx = Pick<Ctx, 'cloud' | 'log'>
type Verdict = 'pass' | 'risky' | 'too-big'

const takesPhotos = new WeakMap<z.ZodType, boolean>()
const RISKY = 87014
const MEDIA_SIZE = 40006

const typeOf = (fileID: string) => (/\.png$/i.test(fileID) ? 'image/png' : /\.gif$/i.test(fileID) ? 'image/gif' : 'image/jpeg')
const nth = (p: PhotoValue) => Number(/\.(\d+)$/.exec(p.path)?.[1] ?? 0) + 1

/**
 * Every photo of the parsed input, checked in parallel. A risky photo is deleted from storage (it is
 * never shown to anyone) and refused at its path: PHOTO_RISKY. One too large to check: PHOTO_TOO_BIG.
 * If the check cannot run (open API down, file unreadable), the photo is let through and logged:
 * staff see it, and a resident should not lose their request to an outage.
 */
export async function assertSafePhotos(ctx: CheckCtx, schema: z.ZodType, input: unknown): Promise<void> {
  let any = takesPhotos.get(schema)
  if (any === undefined) takesPhotos.set(schema, (any = hasPhotos(schema)))
  if (!any) return
  const photos = photosIn(schema, input)
  const verdicts = await Promise.all(photos.map((p) => verdictOf(ctx, p.fileID)))
  const risky = photos.filter((_, i) => verdicts[i] === 'risky')
  if (risky.length) {
    try {
      await ctx.cloud.deleteFile({ fileList: risky.map((p) => p.fileID) })
    } catch (err) {
      ctx.log('deleting a risky photo failed', err)
    }
    throw commonError('PHOTO_RISKY', risky.map((p) => ({ path: p.path, message: `第${nth(p)}张照片不合适，请换一张` })))
  }
  const big = photos.filter((_, i) => verdicts[i] === 'too-big')
  if (big.length) throw commonError('PHOTO_TOO_BIG', big.map((p) => ({ path: p.path, message: `第${nth(p)}张照片太大了，请换一张或重新拍` })))
}

async function verdictOf(ctx: CheckCtx, fileID: string): Promise<Verdict> {
  try {
    const { fileContent } = await ctx.cloud.downloadFile({ fileID })
    await ctx.cloud.openapi.security.imgSecCheck({ media: { contentType: typeOf(fileID), value: fileContent } })
    return 'pass'
  } catch (err) {
    if (err instanceof AppError) throw err
    const code = (err as { errCode?: number })?.errCode
    if (code === RISKY) return 'risky'
    if (code === MEDIA_SIZE) return 'too-big'
    ctx.log(`imgSecCheck unavailable, photo let through: ${fileID}`, err)
    return 'pass'
  }
}
