import type { Ctx } from './context'

/** Temp URLs (valid a day) for the photos; a failed lookup shows no photo rather than failing the page. */
export async function tempPhotoUrls(ctx: Ctx, fileIds: string[]): Promise<Record<string, string>> {
  if (!fileIds.length) return {}
  try {
    const res = await ctx.cloud.getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge: 86400 })) })
    const found = (res ? res.fileList : []).filter((f) => f.status === 0 && f.tempFileURL)
    return Object.fromEntries(found.map((f) => [f.fileID, f.tempFileURL]))
  } catch (err) {
    ctx.log('photo temp URLs failed', (err as Error).message)
    return {}
  }
}
