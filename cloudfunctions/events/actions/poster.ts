/**
 * The poster code for the notice board: a wxacode whose scene is the event id, opening the event
 * page. Made once per event and kept in cloud storage (`posters/<eventId>.png`); later requests
 * only sign a fresh download URL.
 */
import { EVENTS, type eventsFn } from '../../../core/events'
import { eventsError } from '../../../core/events/contract'
import { EVENT_PAGE, posterScene } from '../../../core/events/share'
import type { Ctx } from '../../../server/context'
import type { Handler } from '../../../server/runtime'
import { mustGetManaged } from '../../../server/event-access'

/** 430 px is WeChat's default and prints sharply on an A4 notice. */
const WIDTH = 430

async function makePoster(ctx: Ctx, eventId: string): Promise<string> {
  try {
    // checkPath false: the code also works before the page is in a released version (trial builds)
    const code = (await ctx.cloud.openapi.wxacode.getUnlimited({ scene: posterScene(eventId), page: EVENT_PAGE, width: WIDTH, checkPath: false })) as { buffer?: Buffer }
    if (!code?.buffer) throw new Error('wxacode.getUnlimited returned no image')
    const { fileID } = await ctx.cloud.uploadFile({ cloudPath: `posters/${eventId}.png`, fileContent: Buffer.from(code.buffer) })
    await ctx.db.collection(EVENTS).doc(eventId).update({ data: { posterFileId: fileID } })
    return fileID
  } catch (err) {
    ctx.log('poster code failed', (err as { errMsg?: string }).errMsg ?? (err as Error).message)
    throw eventsError('POSTER_FAILED')
  }
}

export const poster: Handler<typeof eventsFn.poster> = async (ctx, input) => {
  const e = await mustGetManaged(ctx, ctx.db, input.eventId)
  if (e.status !== 'published') throw eventsError('EVENT_CANCELLED')
  const fileID = e.posterFileId ?? (await makePoster(ctx, e._id))
  const res = await ctx.cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 3600 }] })
  const url = res?.fileList?.[0]?.tempFileURL
  if (!url) throw eventsError('POSTER_FAILED')
  return { url, page: EVENT_PAGE, scene: posterScene(e._id) }
}
