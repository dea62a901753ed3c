/**
 * A person's own data: see all of it (myData) and delete the account (deleteAccount). Deletion runs
 * in idempotent steps, so a retry after an interruption finishes the job: the tombstone id is kept on
 * the user document until the very last step removes it.
 */
import { randomBytes } from 'node:crypto'
import { EVENTS, REGISTRATIONS, type EventDoc, type RegistrationDoc } from '../../../core/events/model'
import { REDEMPTIONS, type RedemptionDoc } from '../../../core/gifts'
import type { Order } from '../../../core/orders/model'
import { closureTransfer, personAccountId, spendableBalance, type AccountState } from '../../../core/points'
import { users, usersError } from '../../../core/users/contract'
import { anonymiseOrder, deletionBlocker, GONE_NAME, tombstoneId } from '../../../core/users/deletion'
import { viewUser } from '../../../core/users/model'
import { USERS, type Ctx } from '../../../server/context'
import { countOf, getOrNull, rows, setDoc, tx } from '../../../server/db'
import { ACCOUNTS, applyTransferOrThrow, TRANSFERS } from '../../../server/ledger'
import type { Handler } from '../../../server/runtime'
import { EVENT_NOTICES, NOTICES, ORDERS } from '../../../core/collections'
import { releaseRedemption } from '../../../server/booth'

const MAX = 100
/** Orders the person must finish or cancel first (escalated ones may run for months: they are kept, anonymised). */
const OPEN_AS_RESIDENT = ['submitted', 'open', 'accepted', 'in_service', 'done']
const OPEN_AS_VOLUNTEER = ['accepted', 'in_service']

async function factsOf(ctx: Ctx) {
  const _ = ctx.db.command
  const me = ctx.openid
  const byMe = (where: Record<string, unknown>) => rows<Order>(ctx.db.collection(ORDERS).where(where).orderBy('_id', 'desc').limit(MAX))
  const [placed, forMe, tasks, regs, reds, account, entries] = await Promise.all([
    byMe({ orderedBy: me }),
    byMe({ residentId: me, orderedBy: _.neq(me) }),
    byMe({ volunteerId: me }),
    rows<RegistrationDoc>(ctx.db.collection(REGISTRATIONS).where({ openid: me }).orderBy('createdAt', 'desc').limit(MAX)),
    rows<RedemptionDoc>(ctx.db.collection(REDEMPTIONS).where({ openid: me }).orderBy('createdAt', 'desc').limit(MAX)),
    getOrNull<AccountState>(ctx.db, ACCOUNTS, personAccountId(me)),
    countOf(ctx.db.collection(TRANSFERS).where({ accounts: personAccountId(me) })),
  ])
  const ids = [...new Set(regs.map((r) => r.eventId))]
  const events = ids.length ? await rows<EventDoc>(ctx.db.collection(EVENTS).where({ _id: _.in(ids) }).limit(ids.length)) : []
  const eventOf = (id: string) => events.find((e) => e._id === id)
  const live = (r: RegistrationDoc) => (r.status === 'registered' || r.status === 'waiting') && (eventOf(r.eventId)?.endAt ?? 0) > ctx.now()
  const blocker = deletionBlocker({
    roles: ctx.user?.roles ?? [],
    activeOrders: [...placed, ...forMe].filter((o) => OPEN_AS_RESIDENT.includes(o.status) && (o.residentId === me || !o.proxy)).length,
    activeTasks: tasks.filter((o) => OPEN_AS_VOLUNTEER.includes(o.status)).length,
    upcomingSignUps: regs.filter(live).length,
  })
  return { placed, forMe, tasks, regs, reds, account, entries, eventOf, blocker }
}

export const myData: Handler<typeof users.myData> = async (ctx) => {
  const f = await factsOf(ctx)
  const order = (as: 'resident' | 'proxy' | 'volunteer') => (o: Order) => ({ id: o._id, category: o.category, status: o.status, createdAt: o.createdAt, as })
  return {
    profile: viewUser(ctx.user!, ctx.openid),
    orders: [...f.placed.map((o) => order(o.proxy ? 'proxy' : 'resident')(o)), ...f.forMe.map(order('resident')), ...f.tasks.map(order('volunteer'))],
    signUps: f.regs.map((r) => ({ eventId: r.eventId, title: f.eventOf(r.eventId)?.title ?? '', status: r.status, startAt: f.eventOf(r.eventId)?.startAt ?? null })),
    points: { balance: spendableBalance(f.account, ctx.now()), entries: f.entries },
    redemptions: f.reds.map((r) => ({ giftName: r.giftName, status: r.status, createdAt: r.createdAt })),
    blocker: f.blocker,
  }
}

export const deleteAccount: Handler<typeof users.deleteAccount> = async (ctx) => {
  const f = await factsOf(ctx)
  if (f.blocker) throw usersError(f.blocker)
  const me = ctx.openid
  const tombstone = await tombstoneOf(ctx)
  const now = ctx.now()
  // 1. reservations not yet collected go back (points and stock)
  for (const r of f.reds.filter((x) => x.status === 'reserved')) {
    await tx(ctx.db, async (t) => {
      const rd = await getOrNull<RedemptionDoc>(t, REDEMPTIONS, r._id)
      if (rd?.status === 'reserved') await releaseRedemption(t, { ...rd, _id: r._id }, 'cancelled', me, now, '账户注销，兑换取消')
    })
  }
  // 2. what is left on the account goes back to the pool, expired lots included
  const forfeited = await tx(ctx.db, async (t) => {
    const acc = await getOrNull<AccountState>(t, ACCOUNTS, personAccountId(me))
    const req = acc && closureTransfer({ communityId: acc.communityId, openid: me, lots: acc.lots, closureId: `${me}:${tombstone}`, at: now })
    return req ? (await applyTransferOrThrow(t, req)).amount : 0
  })
  // 3. kept records no longer lead back to the person
  for (const field of ['orderedBy', 'residentId', 'volunteerId']) await anonymiseOrders(ctx, field, tombstone)
  await Promise.all([
    ctx.db.collection(REGISTRATIONS).where({ openid: me }).update({ data: { openid: tombstone, name: GONE_NAME } }),
    ctx.db.collection(REDEMPTIONS).where({ openid: me }).update({ data: { openid: tombstone, name: GONE_NAME } }),
    ctx.db.collection(NOTICES).where({ to: me }).remove(),
    ctx.db.collection(EVENT_NOTICES).where({ to: me }).remove(),
  ])
  // 4. last: the person's own document (until now it held the tombstone, so a retry resumes)
  await ctx.db.collection(USERS).doc(me).remove()
  return { deleted: true as const, forfeited }
}

/** The tombstone of this deletion: made once and kept on the user document until it is removed. */
async function tombstoneOf(ctx: Ctx): Promise<string> {
  const kept = ctx.user?.deletion?.tombstone
  if (kept) return kept
  const tombstone = tombstoneId(randomBytes(8).toString('hex'))
  await ctx.db.collection(USERS).doc(ctx.openid).update({ data: { deletion: { tombstone, startedAt: ctx.now() } } })
  return tombstone
}

/** Each order of the person, one transaction each (staff may be working on it at the same time). */
async function anonymiseOrders(ctx: Ctx, field: string, tombstone: string): Promise<void> {
  for (;;) {
    const page = await rows<Order>(ctx.db.collection(ORDERS).where({ [field]: ctx.openid }).limit(MAX))
    if (!page.length) return
    for (const o of page) {
      await tx(ctx.db, async (t) => {
        const current = await getOrNull<Order>(t, ORDERS, o._id)
        if (current) await setDoc(t, ORDERS, anonymiseOrder({ ...current, _id: o._id }, ctx.openid, tombstone))
      })
    }
  }
}
