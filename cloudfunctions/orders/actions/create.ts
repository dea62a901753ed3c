/** 服务点单: for oneself, or by a 楼栋长 / 网格员 for a neighbour of their building / grid. */
import type { BuildingDoc } from '../../../core/community/structure'
import { unitsOf } from '../../../core/community/structure'
import { appointmentProblem, AT_HOME, DEFAULT_POINTS, needsRoom, proxyCreateText, roomText } from '../../../core/orders/categories'
import { orderError, orders } from '../../../core/orders/contract'
import { newId, withKeys } from '../../../core/orders/keys'
import { blankOrder, orderDoc, type Order } from '../../../core/orders/model'
import { canOrderFor, proxyRole } from '../../../core/orders/permissions'
import { enforce } from '../../../core/contract/decision'
import { dueAt } from '../../../core/orders/sla'
import type { UserDoc } from '../../../core/users/model'
import { USERS } from '../../../server/context'
import { getOrNull, setDoc, tx } from '../../../server/db'
import { noticeDocs, writeNotices } from '../notices'
import { loadRules } from '../../../server/ledger'
import type { Handler } from '../../../server/runtime'
import { loadSla } from '../sla'
import { BUILDINGS, mustPlace } from '../../../server/community'
import { commonError } from '../../../core/contract/errors'
import type { Place } from '../../../core/community/places'
import { ORDERS } from '../store'
import { gridStaff } from '../../../server/people'

export const create: Handler<typeof orders.create> = async (ctx, input) => {
  const me = ctx.user!
  const proxy = input.onBehalfOf
  const buildingId = proxy?.buildingId ?? input.buildingId ?? me.buildingId
  // one's own orders are for an address in one's home community; proxies in the community acted in
  const place: Place = proxy ? mustPlace(ctx.caller) : ctx.caller.home!
  const [building, neighbour, rules, sla] = await Promise.all([
    getOrNull<BuildingDoc>(ctx.db, BUILDINGS, buildingId),
    proxy?.openid ? getOrNull<UserDoc>(ctx.db, USERS, proxy.openid) : null,
    loadRules(ctx.db, place),
    loadSla(ctx.db, place),
  ])
  if (!building) throw orderError('UNKNOWN_BUILDING')
  if (building.communityId !== place.communityId) throw commonError('OTHER_COMMUNITY')
  if (proxy) enforce(canOrderFor(ctx.caller, { id: buildingId, gridId: building.gridId, communityId: building.communityId }), orderError)
  if (proxy?.openid && neighbour?.buildingId !== buildingId) throw orderError('NOT_YOUR_NEIGHBOUR')

  const appointment = appointmentProblem(input.category, input.appointmentAt, ctx.now())
  if (appointment) throw orderError.at('appointmentAt', appointment)
  // one's own order: the room typed now, else the profile's
  const room = (proxy ? proxy.room : (input.room ?? me.room))?.trim() || null
  if (needsRoom(input.category, room)) throw orderError.at(proxy ? 'onBehalfOf.room' : 'room', 'ROOM_REQUIRED')
  if (proxy && !proxy.unitId && AT_HOME.includes(input.category)) throw orderError.at('onBehalfOf.unitId', 'UNIT_REQUIRED')
  const role = proxy ? proxyRole(ctx.caller, { id: buildingId, gridId: building.gridId, communityId: building.communityId }) : null

  const unitId = proxy ? proxy.unitId || null : (input.unitId ?? (buildingId === me.buildingId ? me.unitId : null))
  const unit = unitsOf(building._id, building.unitCount).find((u) => u.id === unitId)
  if (unitId && !unit) throw orderError('UNKNOWN_BUILDING')
  const now = ctx.now()
  const base: Order = {
    ...blankOrder({ _id: newId(now), now, orderedBy: ctx.openid, gridId: building.gridId, ...place }),
    category: input.category,
    description: input.description,
    photos: input.photos,
    address: [building.name, unit?.name, room && roomText(room), input.address].filter(Boolean).join(' '),
    room,
    appointmentAt: input.appointmentAt ?? null,
    buildingId,
    unitId,
    when: input.when,
    urgency: input.urgency,
    // the volunteer calls the proxy: the neighbour may have no phone at all
    contactName: me.name,
    contactPhone: me.phone,
    contactRelation: proxy ? proxy.relation || role : null,
    servedName: proxy ? proxy.name : null,
    servedPhone: proxy ? proxy.phone || neighbour?.phone || null : null,
    residentId: proxy ? (proxy.openid ?? null) : ctx.openid,
    proxy: !!proxy,
    source: role === '楼栋长' ? 'lead' : role ? 'staff' : 'self',
    priority: input.urgency === 'urgent' ? 'high' : 'normal',
    points: rules.categoryPoints[input.category] ?? DEFAULT_POINTS[input.category],
    timeline: [{ seq: 1, at: now, by: ctx.openid, actor: 'owner', event: 'CREATE', from: null, to: 'submitted', note: proxy && role ? proxyCreateText(role, me.name, proxy.name) : null }],
    grants: input.subscribe?.length ? { [ctx.openid]: input.subscribe.length } : {},
  }
  const due = dueAt(base, sla)
  const order = withKeys({ ...base, dueAt: due, respondBy: due })
  // the grid's 网格员 hear of it at once, written with the order (known ids: a fresh order id)
  const told = await gridStaff(ctx.db, order, ctx.openid).then((to) => noticeDocs(order, to.length ? [{ kind: 'notice', notice: 'new_order', to }] : []))
  await tx(ctx.db, (t) => Promise.all([setDoc(t, ORDERS, orderDoc.parse(order)), writeNotices(t, told)]))
  return order
}

