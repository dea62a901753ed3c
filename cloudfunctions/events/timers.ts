/** Timers: reminders before the start; closing an event at its end (booth reservations expire, no-shows). */
import { dueForClose, dueForReminder, EVENTS, REGISTRATIONS, reminderText, type EventDoc, type RegistrationDoc } from '../../core/events'
import { REDEMPTIONS } from '../../core/gifts'
import { rows } from '../../server/db'
import type { TimerHandler } from '../../server/runtime'
import { expireReservations } from '../../server/booth'
import { notify } from './store'
import { REMIND_BEFORE_MS } from '../../core/events/reminders'

export const TEMPLATE_EVENT = (): string => process.env.LINLI_TEMPLATE_EVENT || 'event_reminder'

export const remind: TimerHandler = async (ctx) => {
  const _ = ctx.db.command
  const now = ctx.now()
  const events = await rows<EventDoc>(ctx.db.collection(EVENTS).where({ status: 'published', startAt: _.gt(now).and(_.lte(now + REMIND_BEFORE_MS)) }).limit(100))
  let sent = 0
  for (const e of events.filter((x) => dueForReminder(x, now))) {
    const regs = await rows<RegistrationDoc>(ctx.db.collection(REGISTRATIONS).where({ eventId: e._id, status: 'registered' }).limit(1000))
    for (const r of regs) {
      // inbox always (the id makes a second run a no-op); a subscribe message where granted
      await notify(ctx.db, { id: `remind:${r._id}`, to: r.openid, kind: 'event_reminder', title: '活动提醒', body: reminderText(e), eventId: e._id, communityId: e.communityId, at: now })
      if (r.subscribed)
        await ctx.cloud.openapi.subscribeMessage
          .send({ touser: r.openid, templateId: TEMPLATE_EVENT(), page: `pages/events/detail/index?id=${e._id}`, data: { thing1: { value: e.title.slice(0, 20) }, thing2: { value: e.place.slice(0, 20) } } })
          .catch((err: unknown) => ctx.log(`reminder to ${r.openid} failed`, err))
      sent++
    }
    await ctx.db.collection(EVENTS).doc(e._id).update({ data: { remindedAt: now } })
  }
  return { sent }
}

export const closeEvents: TimerHandler = async (ctx) => {
  const _ = ctx.db.command
  const now = ctx.now()
  const events = await rows<EventDoc>(ctx.db.collection(EVENTS).where({ endAt: _.lte(now), closedAt: _.exists(false) }).limit(100))
  let expired = 0
  for (const e of events.filter((x) => dueForClose(x, now))) {
    expired += await expireReservations(ctx.db, e._id, now)
    // nobody missed a cancelled event: its sign-ups stay as they were, for the record
    if (e.status !== 'cancelled') await ctx.db.collection(REGISTRATIONS).where({ eventId: e._id, status: 'registered' }).update({ data: { status: 'no_show', updatedAt: now } })
    const left = await rows(ctx.db.collection(REDEMPTIONS).where({ eventId: e._id, status: 'reserved' }).limit(1))
    if (!left.length) await ctx.db.collection(EVENTS).doc(e._id).update({ data: { closedAt: now } })
  }
  return { closed: events.length, expired }
}
