/**
 * Setup shared by the 微心愿 tests: the other street's community with a second grid, an admin, two
 * 网格员 of grid 1 (one writes, the other reviews), a 网格员 of grid 2, and people made on demand; a
 * wish carried to published; the beneficiary's private details to look for in answers.
 */
import { randomUUID } from 'node:crypto'
import { chinaDay, DAY_MS } from '../../core/china-time'
import { timeKey } from '../../core/contract/paging'
import type { Role } from '../../core/contract/roles'
import type { UserDoc } from '../../core/users/model'
import { wishesFn } from '../../core/wishes/contract'
import type { InputOf } from '../../core/contract/define'
import { okAs, sdkCloud, sdkDb } from '../support/call'
import { staffedCommunity, type OtherStreet } from '../support/communities'

export interface WishWorld {
  s: OtherStreet
  grid2: string
  admin: string
  /** 网格员 of grid 1: the author and a reviewer. */
  staff: string
  staff2: string
  /** 网格员 of grid 2 only. */
  staffOther: string
  person: (roles?: Role[], extra?: Partial<UserDoc>) => Promise<string>
  volunteer: () => Promise<string>
  /** `n` residents at once (written 50 at a time). */
  people: (n: number) => Promise<string[]>
}

export async function wishWorld(): Promise<WishWorld> {
  const { s, person, admin, staff } = await staffedCommunity(8000, '吴网格员')
  const grid2 = `${s.gridId}-w2`
  await sdkDb().collection('grids').doc(grid2).set({ data: { communityId: s.communityId, name: '远方二网格', order: 2 } })
  const now = Date.now()
  const volunteer = () =>
    person(['resident', 'volunteer'], { volunteer: { status: 'approved', skills: ['child_tutoring'], availableTimes: ['weekend_morning'], appliedAt: now, sortKey: timeKey(now, 'v'), reviewedAt: now } as UserDoc['volunteer'] })
  const [staff2, staffOther] = await Promise.all([
    person(['resident', 'staff'], { grids: [s.gridId], staffOf: [s.communityId], name: '郑网格员' }),
    person(['resident', 'staff'], { grids: [grid2], staffOf: [s.communityId], name: '冯网格员' }),
  ])
  const people = async (n: number) => {
    const out: string[] = []
    for (let i = 0; i < n; i += 50) out.push(...(await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => person()))))
    return out
  }
  return { s, grid2, admin, staff, staff2, staffOther, person, volunteer, people }
}

/** A child's private details, unique per wish so a leak is traced to its wish (a fixed-width sequence: no two children's strings contain one another). */
let children = 0
export function beneficiary() {
  const n = String(++children).padStart(3, '0')
  const tag = randomUUID().replace(/\D/g, '').padEnd(8, '7').slice(0, 8)
  return { name: `林小雨${n}`, phone: `139${tag}`, address: `远方社区${n}号楼${tag.slice(2, 5)}室`, guardian: { name: `林妈妈${n}`, phone: `137${tag}`, relation: '母亲' } }
}
export type Beneficiary = ReturnType<typeof beneficiary>
/** Every private string of a beneficiary: none may appear in what a donor, resident or outsider gets. */
export const privateOf = (b: Beneficiary) => [b.name, b.phone, b.address, b.guardian.name, b.guardian.phone]

const in30Days = () => chinaDay(Date.now() + 30 * DAY_MS)

export const itemWish = (gridId: string, b: Beneficiary = beneficiary(), over: Partial<InputOf<typeof wishesFn.saveDraft>> = {}): InputOf<typeof wishesFn.saveDraft> => ({
  kind: 'item', title: '想要一个新书包', detail: '旧书包破了，想要一个能装下课本的书包。', priceCap: 100, occasion: '六一', targetDate: in30Days(),
  gridId, shares: 1, alias: '小雨', ageBand: '7-9', grade: '三年级', station: '远方社区党群服务站', ref: b, ...over,
})

export const serviceWish = (gridId: string, b: Beneficiary = beneficiary(), over: Partial<InputOf<typeof wishesFn.saveDraft>> = {}): InputOf<typeof wishesFn.saveDraft> => ({
  kind: 'service', title: '想有人辅导数学', detail: '每周一次，在服务站辅导小学数学。', category: 'child_tutoring', occasion: '春节', targetDate: in30Days(),
  gridId, shares: 1, alias: '小林', ageBand: '10-12', grade: '五年级', station: '远方社区党群服务站', ref: b, ...over,
})

/** Written by the grid's 网格员, reviewed by the other one: published. */
export async function publishedWish(w: WishWorld, input: InputOf<typeof wishesFn.saveDraft>): Promise<string> {
  const draft = await okAs(w.staff, wishesFn.saveDraft, input)
  await okAs(w.staff, wishesFn.submit, { wishId: draft._id })
  await okAs(w.staff2, wishesFn.review, { wishId: draft._id, approve: true })
  return draft._id
}

/** The expiry timer's run at a chosen time, on the real database (only this community's claims). */
export async function expireAt(now: number, communityId: string): Promise<{ expired: number }> {
  const { runExpiry } = await import('../../cloudfunctions/wishes/expiry')
  return runExpiry({ db: sdkDb(), cloud: sdkCloud(), now: () => now, log: () => undefined }, communityId)
}
