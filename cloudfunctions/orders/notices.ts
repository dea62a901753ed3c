/**
 * Notices: one inbox document per recipient and transition, with a deterministic id
 * (<orderId>.<timeline seq>.<n>), written in the transition's transaction — a retried call cannot
 * duplicate one. Subscribe messages go out after commit, only to people who granted one.
 */
import { timeKey } from '../../core/contract/paging'
import { categoryTitle } from '../../core/orders/categories'
import { NOTICE_TITLES, ratedBody, SETTLES, type Effect, type NoticeKind } from '../../core/orders/effects'
import type { EventType } from '../../core/orders/machine'
import { orderPageOf } from '../../core/orders/notice-pages'
import { STATUS_LABELS, type Order } from '../../core/orders/model'
import type { Ctx } from '../../server/context'
import { getOrNull, setDoc, type Tx } from '../../server/db'
import { NOTICES } from './store'

export interface NoticeDoc {
  _id: string
  communityId: string
  to: string
  kind: NoticeKind
  title: string
  body: string
  orderId: string | null
  at: number
  read: boolean
  /** timeKey(at, id): unique and time-ordered, the inbox cursor. */
  sortKey: string
}

export function noticeDocs(o: Order, effects: Effect[]): NoticeDoc[] {
  const seq = o.timeline.length
  const at = o.updatedAt
  const body = `${categoryTitle(o.category)}：${o.description.slice(0, 40)}（${STATUS_LABELS[o.status]}）`
  // numbered across the step's notices, so two notices of one step never share an id
  const recipients = effects.flatMap((e) => (e.kind === 'notice' ? e.to.map((to) => ({ e, to })) : []))
  return recipients.map(({ e, to }, n) => {
          const _id = `${o._id}.${seq}.${n}`
          const text = e.notice === 'rated' ? `${categoryTitle(o.category)}：${ratedBody(o)}` : body
          return { _id, communityId: o.communityId, to, kind: e.notice, title: NOTICE_TITLES[e.notice], body: text, orderId: o._id, at, read: false, sortKey: timeKey(at, _id) }
        })
}

export async function writeNotices(t: Tx, docs: NoticeDoc[]): Promise<void> {
  await Promise.all(docs.map((d) => setDoc(t, NOTICES, d)))
}

/**
 * Mark read, in the step's transaction, the notices that asked for what its events do (the
 * 请确认并评价 notice of the last REPORT_DONE once the order is confirmed, the 回访 once answered):
 * their ids are known — <orderId>.<seq of the step that wrote them>.<n>, one per party at most.
 */
export async function settleNotices(t: Tx, o: Order, types: readonly EventType[]): Promise<void> {
  const wanted = new Map<string, NoticeKind>()
  for (const { asked, kind } of types.flatMap((type) => SETTLES[type] ?? [])) {
    const step = [...o.timeline].reverse().find((e) => e.event === asked)
    if (step) o.parties.forEach((_, n) => wanted.set(`${o._id}.${step.seq}.${n}`, kind))
  }
  const ids = [...wanted.keys()]
  const found = await Promise.all(ids.map((id) => getOrNull<NoticeDoc>(t, NOTICES, id)))
  await Promise.all(found.map((d, i) => (d && d.kind === wanted.get(ids[i]) && !d.read ? setDoc(t, NOTICES, { ...d, _id: ids[i], read: true }) : null)))
}

/** Recipients who granted a message: take one grant each (the caller saves the order). */
export function takeGrants(o: Order, docs: NoticeDoc[]): { order: Order; send: NoticeDoc[] } {
  const grants = { ...o.grants }
  const send: NoticeDoc[] = []
  for (const d of docs) {
    if ((grants[d.to] ?? 0) <= 0) continue
    grants[d.to] -= 1
    send.push(d)
  }
  return { order: { ...o, grants }, send }
}

export const TEMPLATE_ID = (): string => process.env.LINLI_TEMPLATE_ORDER || 'order_status'

/** Best effort: a failed send never fails the transition (the inbox has the notice anyway). */
export async function sendSubscribeMessages(ctx: Pick<Ctx, 'cloud' | 'log'>, docs: NoticeDoc[]): Promise<void> {
  await Promise.all(
    docs.map((d) =>
      ctx.cloud.openapi.subscribeMessage
        .send({
          touser: d.to,
          templateId: TEMPLATE_ID(),
          page: `${orderPageOf(d.kind)}?id=${d.orderId}`,
          data: { thing1: { value: d.title.slice(0, 20) }, thing2: { value: d.body.slice(0, 20) } },
        })
        .catch((err: unknown) => ctx.log(`subscribe message to ${d.to} failed`, err)),
    ),
  )
}
