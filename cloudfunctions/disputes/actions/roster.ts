/** The roster of mediators, kept by the community admin; staff assign cases from it. */
import { randomBytes } from 'node:crypto'
import { DISPUTE_MEDIATORS, USERS } from '../../../core/collections'
import { PROFESSIONS, disputeError, type disputesFn } from '../../../core/disputes/contract'
import type { UserDoc } from '../../../core/users/model'
import { TEAM_LABELS } from '../../../core/users/vocab'
import { mustPlace } from '../../../server/community'
import { getOrNull, rows } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { volunteerEntryId, type RosterDoc } from '../../../core/disputes/roster'

type C = typeof disputesFn

const itemOf = (m: RosterDoc) => ({ _id: m._id, name: m.name, title: m.title, kind: m.kind, days: m.days, phone: m.phone, active: m.active })

export const roster: Handler<C['roster']> = async (ctx) => {
  const { communityId } = mustPlace(ctx.caller)
  const items = await rows<RosterDoc>(ctx.db.collection(DISPUTE_MEDIATORS).where({ communityId }).limit(200))
  return { items: items.sort((a, b) => Number(b.active) - Number(a.active) || a.title.localeCompare(b.title, 'zh')).map(itemOf) }
}

export const saveMediator: Handler<C['saveMediator']> = async (ctx, { mediatorId, who, days, active }) => {
  const { communityId } = mustPlace(ctx.caller)
  const now = ctx.now()
  let doc: RosterDoc
  if (who.kind === 'volunteer') {
    const u = await getOrNull<UserDoc>(ctx.db, USERS, who.openid)
    if (!u || u.communityId !== communityId || u.volunteer?.status !== 'approved') throw disputeError.at('who.openid', 'NOT_A_VOLUNTEER')
    const title = u.volunteer.team ? TEAM_LABELS[u.volunteer.team] : '调解志愿者'
    doc = { _id: volunteerEntryId(communityId, who.openid), communityId, kind: 'volunteer', openid: who.openid, name: u.name, title, phone: u.phone, days, active, updatedAt: now }
  } else {
    if (who.openid && !(await getOrNull<UserDoc>(ctx.db, USERS, who.openid))) throw disputeError.at('who.openid', 'UNKNOWN_PERSON')
    doc = { _id: mediatorId ?? `mp${now.toString(36)}${randomBytes(3).toString('hex')}`, communityId, kind: 'professional', openid: who.openid ?? null, name: who.name, title: PROFESSIONS[who.profession], phone: who.phone, days, active, updatedAt: now }
  }
  if (mediatorId) {
    const before = await getOrNull<RosterDoc>(ctx.db, DISPUTE_MEDIATORS, mediatorId)
    if (!before || before.communityId !== communityId || before._id !== doc._id) throw disputeError.at('mediatorId', 'UNKNOWN_MEDIATOR')
  }
  const { _id, ...data } = doc
  await ctx.db.collection(DISPUTE_MEDIATORS).doc(_id).set({ data })
  return itemOf(doc)
}
