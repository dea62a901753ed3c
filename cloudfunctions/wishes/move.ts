/** One staff step of a wish through its machine: one transaction on the wish's id. */
import type { WishActor, WishEvent } from '../../core/wishes/machine'
import { wishMachine } from '../../core/wishes/machine'
import { wishesError } from '../../core/wishes/contract'
import type { Ctx } from '../../server/context'
import { setDoc, tx } from '../../server/db'
import { entry, getWish, mustManage, staffView, WISHES, type WishDoc } from './store'

export interface Move {
  event: WishEvent
  /** The capacity the caller acts in, given the wish (e.g. the author, a reviewer). */
  actor: (w: WishDoc) => WishActor
  /** Refuse before the step, e.g. OWN_WISH. */
  check?: (w: WishDoc) => void
  /** The fields the step sets beside its status. */
  patch?: (w: WishDoc, now: number) => Partial<WishDoc>
  note?: string | null
}

export async function moveWish(ctx: Ctx, wishId: string, m: Move) {
  const now = ctx.now()
  const wish = await tx(ctx.db, async (t) => {
    const w = mustManage(ctx, await getWish(t, wishId))
    m.check?.(w)
    const step = wishMachine.step(w.status, m.event, m.actor(w))
    if (!step.ok) throw wishesError(step.code === 'BAD_STATE' ? 'WISH_STATE' : 'NOT_AUTHOR')
    const next: WishDoc = { ...w, ...m.patch?.(w, now), status: step.to, updatedAt: now, timeline: [...w.timeline, entry(now, ctx.openid, m.event, m.note ?? null)] }
    await setDoc(t, WISHES, next)
    return next
  })
  return staffView(ctx.db, wish)
}

/** Staff other than the author review; the author submits. */
export const authorOr = (ctx: Pick<Ctx, 'openid'>, other: WishActor) => (w: WishDoc): WishActor => (w.authorId === ctx.openid ? 'author' : other)
