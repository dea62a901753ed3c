import { timeKey } from '../../../core/contract/paging'
import { users, usersError } from '../../../core/users/contract'
import { viewUser, type UserDoc, type VolunteerApplication } from '../../../core/users/model'
import { canReview, mustGridScope } from '../../../core/users/permissions'
import { enforce } from '../../../core/contract/decision'
import { USERS } from '../../../server/context'
import { countOf, setDoc, tx } from '../../../server/db'
import { NOTICES } from '../../../core/collections'
import { pageBy } from '../../../server/paging'
import type { Handler } from '../../../server/runtime'
import { mustPlace } from '../../../server/community'
import { maskPhone } from '../../../core/users/vocab'
import { mustGetUser, saveUser } from '../store'

/** A new application replaces a pending or rejected one; an approved volunteer cannot apply again. */
export const applyVolunteer: Handler<typeof users.applyVolunteer> = async (ctx, input) => {
  const saved = await tx(ctx.db, async (t) => {
    const me = await mustGetUser(t, ctx.openid, 'NOT_REGISTERED')
    if (me.roles.includes('volunteer')) throw usersError('ALREADY_VOLUNTEER')
    const volunteer: VolunteerApplication = { ...input, status: 'pending', appliedAt: ctx.now(), sortKey: timeKey(ctx.now(), ctx.openid) }
    return saveUser(t, { ...me, volunteer, updatedAt: ctx.now() })
  })
  return viewUser(saved, ctx.openid)
}

export const listVolunteerApplications: Handler<typeof users.listVolunteerApplications> = async (ctx, input) => {
  const scope = mustGridScope(ctx.caller, input.gridId)
  const _ = ctx.db.command
  const where: Record<string, unknown> = { communityId: mustPlace(ctx.caller).communityId, 'volunteer.status': input.status }
  if (scope !== 'all') where.gridId = _.in(scope)
  const [page, total] = await Promise.all([
    pageBy<UserDoc>(ctx.db, input, { collection: USERS, where, key: 'volunteer.sortKey', dir: 'asc' }),
    countOf(ctx.db.collection(USERS).where(where)),
  ])
  const items = page.items.map((d) => ({
    ...d.volunteer!,
    openid: d._id,
    name: d.name,
    phone: d._id === ctx.openid ? d.phone : maskPhone(d.phone),
    buildingId: d.buildingId,
    gridId: d.gridId,
  }))
  return { items, next: page.next, total }
}

export const reviewVolunteer: Handler<typeof users.reviewVolunteer> = async (ctx, input) => {
  const saved = await tx(ctx.db, async (t) => {
    const target = await mustGetUser(t, input.openid, 'NO_APPLICATION')
    if (!target.volunteer) throw usersError('NO_APPLICATION')
    enforce(canReview(ctx.caller, target), usersError)
    if (target.volunteer.status !== 'pending') throw usersError('ALREADY_REVIEWED')
    const reviewed = { reviewedAt: ctx.now(), reviewedBy: ctx.openid }
    const next: UserDoc =
      input.decision === 'approve'
        ? { ...target, roles: [...new Set([...target.roles, 'volunteer' as const])], volunteer: { ...target.volunteer, status: 'approved', ...reviewed } }
        : { ...target, volunteer: { ...target.volunteer, status: 'rejected', reason: input.reason, ...reviewed } }
    // the applicant hears the answer in their inbox, written with it
    await setDoc(t, NOTICES, reviewNotice(target, input.decision === 'approve', input.decision === 'approve' ? null : input.reason, reviewed.reviewedAt))
    return saveUser(t, { ...next, updatedAt: ctx.now() })
  })
  return viewUser(saved, ctx.openid)
}

/** One per review (the id holds the review time): 通过 says where to start, 未通过 says why. */
function reviewNotice(applicant: UserDoc, approved: boolean, reason: string | null | undefined, at: number) {
  const _id = `volunteer:${applicant._id}:${at}`
  return {
    _id,
    communityId: applicant.communityId,
    to: applicant._id,
    kind: approved ? 'volunteer_approved' : 'volunteer_rejected',
    title: approved ? '您的志愿者申请通过了' : '您的志愿者申请没有通过',
    body: approved ? '谢谢您！首页点「我要帮忙 / 接单」就能看到等人帮忙的单子' : `原因：${reason ?? '未说明'}。有问题可以问您的网格员`,
    orderId: null,
    at,
    read: false,
    sortKey: timeKey(at, _id),
  }
}
