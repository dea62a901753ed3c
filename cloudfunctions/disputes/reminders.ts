/**
 * The timer (every 15 minutes): remind the parties and mediators of 司法确认 on day 20 of the 30
 * days after a written agreement, and tell the grid's 网格员 when a 回访 falls due. Each case is
 * one transaction that clears what it sent, so a second run sends nothing twice.
 */
import { stillDue, type DisputeDoc } from '../../core/disputes/case'
import type { TimerCtx } from '../../server/context'
import { getOrNull, rows, setDoc, tx } from '../../server/db'
import { gridStaff } from '../../server/people'
import { DISPUTES, followersOf, writeNotices } from './store'

type Due = 'judicialRemindAt' | 'followUpTellAt'

const TITLES: Record<Due, string> = { judicialRemindAt: '提醒：书面调解协议可在30天内申请司法确认', followUpTellAt: '调解案子该回访了' }

/** The 网格员 of a case's grid (for the 回访 notice). */
async function gridStaffOf(ctx: TimerCtx, id: string): Promise<string[]> {
  const d = await getOrNull<DisputeDoc>(ctx.db, DISPUTES, id)
  return d ? gridStaff(ctx.db, d) : []
}

async function sendDue(ctx: TimerCtx, field: Due, now: number): Promise<number> {
  const due = await rows<Pick<DisputeDoc, '_id'>>(ctx.db.collection(DISPUTES).where({ [field]: ctx.db.command.lte(now) }).field({ _id: true }).orderBy(field, 'asc').limit(100))
  let sent = 0
  for (const { _id } of due) {
    try {
      // the grid's 网格员 are found outside the transaction (a query); the case's own people inside it
      const to = field === 'followUpTellAt' ? await gridStaffOf(ctx, _id) : []
      await tx(ctx.db, async (t) => {
        const c = await getOrNull<DisputeDoc>(t, DISPUTES, _id)
        if (!c || c[field] === null || c[field]! > now) return
        const live = { ...c, _id }
        // a case withdrawn or back in mediation meanwhile: nothing to send, and nothing more to wait for
        if (stillDue(field, c.status)) await writeNotices(t, live, field === 'judicialRemindAt' ? await followersOf(t, live, '') : to, TITLES[field], field === 'judicialRemindAt' ? 'judicial' : 'followup', now)
        await setDoc(t, DISPUTES, { ...live, [field]: null })
        sent++
      })
    } catch (err) {
      ctx.log(`dispute ${_id}: ${field} not sent`, err)
    }
  }
  return sent
}

export async function runReminders(ctx: TimerCtx): Promise<{ judicial: number; followUp: number }> {
  const now = ctx.now()
  return { judicial: await sendDue(ctx, 'judicialRemindAt', now), followUp: await sendDue(ctx, 'followUpTellAt', now) }
}
