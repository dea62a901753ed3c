/** Setup shared by the dispute tests: a community of its own with its 网格员, admin, a 楼栋长 and the roster of mediators. */
import { disputesFn } from '../../core/disputes/contract'
import type { Role } from '../../core/contract/roles'
import type { UserDoc } from '../../core/users/model'
import { okAs, sdkDb } from '../support/call'
import { staffedCommunity, type OtherStreet } from '../support/communities'

export const DAY = 86_400_000

export interface DisputeWorld {
  s: OtherStreet
  admin: string
  staff: string
  lead: string
  /** Roster entries: a 银发先锋 volunteer (with the app) and a lawyer who comes on fixed days (without it). */
  pioneer: { openid: string; rosterId: string }
  lawyerId: string
  person: (roles?: Role[], extra?: Partial<UserDoc>) => Promise<string>
  phoneOf: (openid: string) => Promise<string>
}

export async function disputeWorld(): Promise<DisputeWorld> {
  const { s, person, admin, staff } = await staffedCommunity(8000, '吴网格员')
  const lead = await person(['resident', 'building_lead'], { buildings: [s.buildingId], name: '郑楼栋长' })
  const volunteer = { status: 'approved' as const, skills: ['elder_visit' as const], availableTimes: ['weekday_morning' as const], team: 'silver_pioneer' as const, appliedAt: Date.now(), sortKey: 'x' }
  const pioneerId = await person(['resident', 'volunteer'], { name: '老党员许伯', volunteer })
  const pioneer = await okAs(admin, disputesFn.saveMediator, { who: { kind: 'volunteer', openid: pioneerId }, days: '每周二、四上午' })
  const lawyer = await okAs(admin, disputesFn.saveMediator, { who: { kind: 'professional', profession: 'lawyer', name: '钱律师', phone: '13600000001' }, days: '每月5日' })
  const phoneOf = async (openid: string) => ((await sdkDb().collection('users').doc(openid).get()).data as UserDoc).phone
  return { s, admin, staff, lead, pioneer: { openid: pioneerId, rosterId: pioneer._id }, lawyerId: lawyer._id, person, phoneOf }
}

/** A fresh case reported by a resident against a neighbour who has the app (found by phone). */
export async function reportedCase(w: DisputeWorld, title = '楼上卫生间漏水到我家') {
  const [applicant, neighbour] = await Promise.all([w.person(), w.person()])
  const view = await okAs(applicant, disputesFn.report, {
    category: 'leak',
    title,
    detail: '楼上卫生间漏水，我家天花板发霉，找过两次没人管。',
    others: [{ name: '楼上住户', phone: await w.phoneOf(neighbour), side: 'respondent', room: '502' }],
  })
  return { id: view._id, applicant, neighbour, view }
}

export const soon = () => Date.now() + 2 * DAY
