/** The community's selection rules (supports per household, threshold, agenda size, 楼栋长's supports for elders): read by staff, set by its admin. */
import { SETTINGS } from '../../../core/collections'
import type { councilFn } from '../../../core/council/contract'
import { mustPlace } from '../../../server/community'
import type { Handler } from '../../../server/runtime'
import { selectionSetting } from '../topics'

export const selection: Handler<(typeof councilFn)['selection']> = (ctx) => selectionSetting.load(ctx.db, mustPlace(ctx.caller), { fresh: true, now: ctx.now() })

export const setSelection: Handler<(typeof councilFn)['setSelection']> = async (ctx, input) => {
  const at = mustPlace(ctx.caller)
  await ctx.db.collection(SETTINGS).doc(`council_selection:${at.communityId}`).set({ data: { ...input, ...at, updatedAt: ctx.now(), updatedBy: ctx.openid } })
  selectionSetting.remember(at, input, ctx.now())
  return input
}
