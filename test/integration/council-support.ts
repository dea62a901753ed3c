/** Setup shared by the council tests: a community of its own with staff, a committee, and a session whose agenda is set and which has started. */
import { councilFn } from '../../core/council/contract'
import { chinaDay } from '../../core/china-time'
import type { Role } from '../../core/contract/roles'
import type { UserDoc } from '../../core/users/model'
import { okAs, sdkDb } from '../support/call'
import { staffedCommunity, type OtherStreet } from '../support/communities'

export const THURSDAYS = { title: '逢四议事', kind: 'decide' as const, rule: { kind: 'weekly' as const, weekdays: [4 as const] }, startTime: '09:30', minutes: 90, place: '巷口说事点', host: '周网格员', capacity: 30, cutoffHours: 24, holidays: 'keep' as const }
export const DAY = 86_400_000

export interface CouncilWorld {
  s: OtherStreet
  admin: string
  staff: string
  member: string
  person: (roles?: Role[], extra?: Partial<UserDoc>) => Promise<string>
}

/** The other street's community with an admin, a 网格员, a committee (one member with the app) and a 议事会 series. */
export async function councilWorld(): Promise<CouncilWorld> {
  const { s, person, admin, staff } = await staffedCommunity(7000, '周网格员')
  const member = await person(['resident'], { name: '陈委员' })
  const until = chinaDay(Date.now() + 200 * DAY)
  await okAs(admin, councilFn.setCommittee, { members: [{ name: '陈委员', openid: member, until }, { name: '李大爷', until }, { name: '王阿姨', until }] })
  await okAs(admin, councilFn.saveSeries, THURSDAYS)
  return { s, admin, staff, member, person }
}

/** Topics raised by residents, accepted, supported to the threshold, put on the agenda by the member; the session then starts. */
export async function startedSessionWith(w: CouncilWorld, titles: string[]): Promise<{ sessionId: string; topics: string[]; raisers: string[] }> {
  const raisers = await Promise.all(titles.map(() => w.person()))
  const topics: string[] = []
  let sessionId = ''
  let threshold = 0
  for (const [i, title] of titles.entries()) {
    const t = await okAs(raisers[i], councilFn.raiseTopic, { title, detail: `${title}，请大家议一议。` })
    const accepted = await okAs(w.staff, councilFn.acceptTopic, { topicId: t._id })
    sessionId = accepted.sessionId!
    threshold = accepted.threshold
    topics.push(t._id)
  }
  const supporters = await Promise.all(Array.from({ length: threshold }, () => w.person()))
  for (const p of supporters) for (const topicId of topics) await okAs(p, councilFn.support, { topicId })
  const db = sdkDb()
  await db.collection('council_topics').where({ _id: db.command.in(topics) }).update({ data: { cutoffAt: Date.now() - 1 } })
  await okAs(w.member, councilFn.setAgenda, { sessionId, chosen: topics, reasons: {} })
  const start = Date.now() - 10 * 60_000
  await db.collection('events').doc(sessionId).update({ data: { startAt: start, endAt: start + 90 * 60_000 } })
  return { sessionId, topics, raisers }
}

/** The draft's time as its minutes show it (a confirmation names the draft it confirms). */
export const draftOf = async (sessionId: string): Promise<number> => ((await sdkDb().collection('council_minutes').doc(sessionId).get()).data as { draftAt: number }).draftAt
