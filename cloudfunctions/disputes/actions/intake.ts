/**
 * A case comes in: reported by a party, by a 楼栋长 or 网格员 for a neighbour (who may have no
 * phone), or taken over from a 私事 order or a declined 议题 (one case per origin: its id is derived
 * from the origin's, so taking it twice gives the same case).
 */
import { randomBytes } from 'node:crypto'
import { COUNCIL_TOPICS, DISPUTE_REPORTERS, ORDERS, USERS } from '../../../core/collections'
import { chinaDay } from '../../../core/china-time'
import { commonError } from '../../../core/contract/errors'
import { enforce } from '../../../core/contract/decision'
import type { BuildingDoc } from '../../../core/community/structure'
import { newCase, roleIn, type DisputeDoc, type Party } from '../../../core/disputes/case'
import { disputeError, type disputesFn } from '../../../core/disputes/contract'
import { mayReportMore, reporterDayId } from '../../../core/disputes/limits'
import { canOrderFor, managesGrid, proxyRole } from '../../../core/orders/permissions'
import type { Order } from '../../../core/orders/model'
import type { UserDoc } from '../../../core/users/model'
import { BUILDINGS, mustPlace } from '../../../server/community'
import type { Ctx } from '../../../server/context'
import { getOrNull, rows, setDoc, tx, type Tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { gridStaff } from '../../../server/people'
import { DISPUTES, viewOf, writeNotices } from '../store'

type C = typeof disputesFn
type PartyInput = { name: string; phone?: string; side: 'applicant' | 'respondent'; buildingId?: string; room?: string }

/**
 * Parties as kept: each linked to the registered person of the community with that phone, or living
 * in that building and room under that name (they then see the case — and, being a party, act on
 * nothing of it). Everyone else registered in a party's room is of its household: they do not see
 * the case, and cannot handle it either.
 */
async function partiesOf(ctx: Ctx, communityId: string, given: PartyInput[]): Promise<{ parties: Party[]; households: string[] }> {
  const _ = ctx.db.command
  const phones = given.map((p) => p.phone).filter((p): p is string => !!p)
  const rooms = given.filter((p) => p.buildingId && p.room).map((p) => ({ buildingId: p.buildingId!, room: p.room! }))
  const fields = { _id: true, name: true, phone: true, buildingId: true, room: true }
  const [byPhoneRows, byRoomRows] = await Promise.all([
    phones.length ? rows<Pick<UserDoc, '_id' | 'phone'>>(ctx.db.collection(USERS).where({ communityId, phone: _.in(phones) }).field(fields).limit(20)) : [],
    rooms.length ? rows<Pick<UserDoc, '_id' | 'name' | 'buildingId' | 'room'>>(ctx.db.collection(USERS).where(_.or(rooms.map((r) => ({ communityId, ...r })))).field(fields).limit(50)) : [],
  ])
  const byPhone = new Map(byPhoneRows.map((u) => [u.phone, u._id]))
  const byRoom = (p: PartyInput) => byRoomRows.find((u) => u.name === p.name && u.buildingId === p.buildingId && u.room === p.room)?._id
  const parties = given.map((p) => ({ name: p.name, phone: p.phone ?? null, side: p.side, buildingId: p.buildingId ?? null, room: p.room ?? '', openid: (p.phone && byPhone.get(p.phone)) || byRoom(p) || null }))
  return { parties, households: byRoomRows.map((u) => u._id) }
}

type ReporterDay = { _id: string; communityId: string; openid: string; day: string; count: number; updatedAt: number }

/** Count one more report of the caller's day, or refuse it past the day's limit (in the case's transaction). */
async function countReport(t: Tx, ctx: Ctx, d: DisputeDoc): Promise<void> {
  const day = chinaDay(d.reportedAt)
  const _id = reporterDayId(ctx.openid, day)
  const today = (await getOrNull<ReporterDay>(t, DISPUTE_REPORTERS, _id)) ?? { _id, communityId: d.communityId, openid: ctx.openid, day, count: 0, updatedAt: 0 }
  if (!mayReportMore(ctx.caller.roles, today.count)) throw disputeError('TOO_MANY_REPORTS')
  await setDoc(t, DISPUTE_REPORTERS, { ...today, _id, count: today.count + 1, updatedAt: d.reportedAt })
}

/** Write a new case (once: an existing id is returned as it is) and tell the grid's 网格员. A report (a case with no origin) counts against the day's limit. */
async function open(ctx: Ctx, d: DisputeDoc) {
  const told = await gridStaff(ctx.db, d, ctx.openid)
  const saved = await tx(ctx.db, async (t) => {
    const existing = await getOrNull<DisputeDoc>(t, DISPUTES, d._id)
    if (existing && !roleIn(ctx.caller, existing)) throw commonError('NOT_FOUND')
    if (existing) return { ...existing, _id: d._id }
    if (!d.origin) await countReport(t, ctx, d)
    await setDoc(t, DISPUTES, d)
    await writeNotices(t, d, told, '新的调解申请', 'new', d.reportedAt)
    return d
  })
  return viewOf(ctx.caller, saved)
}

export const report: Handler<C['report']> = async (ctx, input) => {
  const me = ctx.user!
  const isStaff = ctx.caller.roles.includes('staff') || ctx.caller.roles.includes('admin')
  if (input.source && input.source !== 'applied' && !isStaff) throw disputeError.at('source', 'STAFF_ONLY_SOURCE')
  const proxy = input.onBehalfOf
  const place = proxy ? mustPlace(ctx.caller) : ctx.caller.home!
  const buildingId = proxy ? proxy.buildingId : me.buildingId
  const building = await getOrNull<BuildingDoc>(ctx.db, BUILDINGS, buildingId)
  if (!building) throw disputeError.at('onBehalfOf.buildingId', 'UNKNOWN_BUILDING')
  if (building.communityId !== place.communityId) throw commonError('OTHER_COMMUNITY')
  const b = { id: building._id, gridId: building.gridId, communityId: building.communityId }
  if (proxy) enforce(canOrderFor(ctx.caller, b), disputeError)
  const applicant: PartyInput = proxy ? { ...proxy, side: 'applicant' } : { name: me.name, phone: me.phone, side: 'applicant', buildingId: me.buildingId, room: me.room }
  const { parties, households } = await partiesOf(ctx, place.communityId, [applicant, ...input.others])
  if (!proxy) parties[0].openid = ctx.openid
  const now = ctx.now()
  return open(
    ctx,
    newCase({
      _id: `d${now.toString(36)}${randomBytes(3).toString('hex')}`,
      ...place,
      gridId: building.gridId,
      source: input.source ?? 'applied',
      category: input.category,
      title: input.title,
      detail: input.detail,
      reportedBy: ctx.openid,
      reportedByName: proxy ? `${proxyRole(ctx.caller, b)} ${me.name} 代 ${proxy.name}` : me.name,
      reportedFor: proxy ? building._id : null,
      origin: null,
      parties,
      households,
      reportedAt: now,
      by: ctx.openid,
      note: '',
    }),
  )
}

/** The origin's place, applicant and text, when it was referred out: a 私事 order, or a 议题 declined or turned into an order. */
async function originOf(ctx: Ctx, from: 'order' | 'topic', id: string): Promise<{ gridId: string; communityId: string; streetId: string; applicant: PartyInput & { openid: string | null }; title: string; detail: string }> {
  if (from === 'order') {
    const o = await getOrNull<Order>(ctx.db, ORDERS, id)
    if (!o) throw commonError('NOT_FOUND')
    if (o.communityId !== ctx.caller.communityId) throw commonError('OTHER_COMMUNITY')
    if (!managesGrid(ctx.caller, o)) throw disputeError('OUT_OF_GRID')
    if (o.status !== 'referred' || o.triage?.kind !== 'private') throw disputeError('NOT_REFERRED')
    const name = o.servedName ?? o.contactName
    const phone = o.servedPhone ?? o.contactPhone
    return { ...o, applicant: { name, phone: phone || undefined, side: 'applicant', buildingId: o.buildingId, room: o.room ?? '', openid: o.proxy ? null : o.residentId }, title: o.description.slice(0, 30), detail: o.description }
  }
  const topic = await getOrNull<{ communityId: string; streetId: string; status: string; raisedBy: string; raisedByName: string; title: string; detail: string; proxy: { name: string; buildingId: string; room: string } | null }>(ctx.db, COUNCIL_TOPICS, id)
  if (!topic) throw commonError('NOT_FOUND')
  if (topic.communityId !== ctx.caller.communityId) throw commonError('OTHER_COMMUNITY')
  if (topic.status !== 'declined' && topic.status !== 'converted') throw disputeError('NOT_REFERRED')
  const raiser = topic.proxy ? null : await getOrNull<UserDoc>(ctx.db, USERS, topic.raisedBy)
  const buildingId = topic.proxy?.buildingId ?? raiser?.buildingId ?? ''
  const building = await getOrNull<BuildingDoc>(ctx.db, BUILDINGS, buildingId)
  if (!building || !managesGrid(ctx.caller, building)) throw disputeError('OUT_OF_GRID')
  const applicant = topic.proxy ? { name: topic.proxy.name, room: topic.proxy.room, openid: null } : { name: raiser?.name ?? topic.raisedByName, phone: raiser?.phone, room: raiser?.room ?? '', openid: topic.raisedBy }
  return { gridId: building.gridId, communityId: topic.communityId, streetId: topic.streetId, applicant: { ...applicant, side: 'applicant', buildingId }, title: topic.title, detail: topic.detail }
}

export const takeReferral: Handler<C['takeReferral']> = async (ctx, input) => {
  const o = await originOf(ctx, input.from, input.id)
  const { parties, households } = await partiesOf(ctx, o.communityId, [o.applicant, ...input.others])
  parties[0].openid = o.applicant.openid ?? parties[0].openid
  const now = ctx.now()
  const reporter = ctx.user!
  return open(
    ctx,
    newCase({
      _id: `d-${input.from}-${input.id}`,
      communityId: o.communityId,
      streetId: o.streetId,
      gridId: o.gridId,
      source: input.from === 'order' ? 'transferred' : 'council',
      category: input.category,
      title: o.title,
      detail: o.detail,
      reportedBy: ctx.openid,
      reportedByName: `${parties[0].name}（网格员 ${reporter.name} 转来）`,
      reportedFor: o.applicant.buildingId ?? null,
      origin: { kind: input.from, id: input.id },
      parties,
      households,
      reportedAt: now,
      by: ctx.openid,
      note: input.from === 'order' ? '由私事服务单转来' : '由议题转来',
    }),
  )
}
