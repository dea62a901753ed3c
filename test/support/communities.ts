/**
 * People and places outside 幸福里社区 for the cross-community tests: 和平社区's own people (the demo
 * personas, or fresh ones made through the app), a 街道管理员 of 幸福街道 acting in a community of
 * their choice, and a second street with one community and its street admin written straight into
 * the database. Also what the tests measure: pool shards, balances, and snapshots of documents.
 */
import { randomUUID } from 'node:crypto'
import { timeKey } from '../../core/contract/paging'
import type { BuildingDoc, GridDoc } from '../../core/community/structure'
import type { CommunityDoc, StreetDoc } from '../../core/community/places'
import { PERSONAS } from '../../core/demo/personas'
import { adjustTransfer, personAccountId, type AccountState } from '../../core/points'
import type { UserDoc } from '../../core/users/model'
import type { Role } from '../../core/contract/roles'
import { users } from '../../core/users/contract'
import { tx } from '../../server/db'
import { ACCOUNTS, applyTransferOrThrow } from '../../server/ledger'
import { freshOpenid, okAs, sdkDb } from './call'
import { newResident } from './people'

/** 和平社区 (community B of the street): its demo 网格员, admin and an approved volunteer (repairs). */
export const HEPING = { id: 'heping', gridId: 'hp-g1', buildingId: 'hp-b1' }
export const HP = { staff: PERSONAS.staffHeping.openid, admin: 'demo-hp-admin', volunteer: 'demo-hp-v1' }

/** A fresh registered resident of 和平社区. */
export const hepingResident = async (prefix = 'hp') => (await newResident({ prefix, buildingId: HEPING.buildingId })).openid

/** Fresh 和平 people in each role, made by 和平's admin through the app (for actions that use the caller up). */
export const hepingPeople = {
  resident: () => hepingResident('hpr'),
  async staff() {
    const openid = await hepingResident('hps')
    await okAs(HP.admin, users.grantRole, { openid, role: 'staff', grids: [HEPING.gridId] })
    return openid
  },
  async admin() {
    const openid = await hepingResident('hpa')
    await okAs(HP.admin, users.grantRole, { openid, role: 'admin' })
    return openid
  },
  async volunteer() {
    const openid = await hepingResident('hpv')
    await okAs(openid, users.applyVolunteer, { skills: ['repair_pipe'], availableTimes: ['weekend_morning'] })
    await okAs(HP.admin, users.reviewVolunteer, { openid, decision: 'approve' })
    return openid
  },
}

/**
 * A fresh 街道管理员 of 幸福街道 (appointed by the demo street admin), living in 春晖社区 and acting in
 * `actIn` (a street admin reads a community of their street by acting there).
 */
export async function streetAdminOfXingfu(actIn = 'xingfuli'): Promise<string> {
  const { openid } = await newResident({ prefix: 'st', buildingId: 'ch-b1', unitId: 'ch-b1-1' })
  await okAs(PERSONAS.streetAdmin.openid, users.grantRole, { openid, role: 'street_admin' })
  await okAs(openid, users.actIn, { communityId: actIn })
  return openid
}

export interface OtherStreet {
  streetId: string
  communityId: string
  gridId: string
  buildingId: string
  /** Its 街道管理员 (roles resident + street_admin), living in its one community. */
  admin: string
}

const userDoc = (openid: string, at: OtherStreet, extra: Partial<UserDoc>): UserDoc => {
  const now = Date.now()
  return {
    _id: openid,
    name: `外街道${openid.slice(-4)}`,
    phone: `135${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    buildingId: at.buildingId,
    unitId: `${at.buildingId}-1`,
    gridId: at.gridId,
    communityId: at.communityId,
    streetId: at.streetId,
    roles: ['resident'],
    grids: [],
    buildings: [],
    volunteer: null,
    createdAt: now,
    updatedAt: now,
    sortKey: timeKey(now, openid),
    ...extra,
  }
}

/**
 * A second street with one community (one grid, one building) and its street admin, written straight
 * into the database, as an operator would set up a new street. Ids sort after 幸福街道's, so a guest's
 * default community stays 幸福里. Made once per test file.
 */
async function makeOtherStreet(): Promise<OtherStreet> {
  const tag = randomUUID().slice(0, 6)
  const s: OtherStreet = { streetId: `zz-st-${tag}`, communityId: `zz-c-${tag}`, gridId: `zz-g-${tag}`, buildingId: `zz-b-${tag}`, admin: freshOpenid('ost') }
  const db = sdkDb()
  const put = (collection: string, id: string, data: object) => db.collection(collection).doc(id).set({ data })
  await put('streets', s.streetId, { name: '远方街道', streetId: s.streetId } satisfies Omit<StreetDoc, '_id'>)
  await put('community', s.communityId, { name: '远方社区', streetId: s.streetId, communityId: s.communityId, order: 1 } satisfies Omit<CommunityDoc, '_id'>)
  await put('grids', s.gridId, { communityId: s.communityId, name: '远方网格', order: 1 } satisfies Omit<GridDoc, '_id'>)
  await put('buildings', s.buildingId, { communityId: s.communityId, gridId: s.gridId, name: '1号楼', order: 1, unitCount: 2 } satisfies Omit<BuildingDoc, '_id'>)
  const { _id, ...admin } = userDoc(s.admin, s, { roles: ['resident', 'street_admin'], streets: [s.streetId] })
  await put('users', _id, admin)
  return s
}

/** The first call's promise, for every call (a caller made once per test file). */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined
  return () => (made ??= make())
}

export const otherStreet = once(makeOtherStreet)

/** A person of the other street's community with these roles (and rooms, scopes … in `extra`), written straight into the database. */
export async function personIn(s: OtherStreet, roles: Role[], extra: Partial<UserDoc> = {}): Promise<string> {
  const { _id, ...doc } = userDoc(freshOpenid('os'), s, { roles, ...extra })
  await sdkDb().collection('users').doc(_id).set({ data: doc })
  return _id
}

/** The other street's community with its admin and the 网格员 of its grid; `person` makes more of its people, each in a room of their own. */
export async function staffedCommunity(firstRoom: number, staffName: string) {
  const s = await otherStreet()
  let room = firstRoom
  const person = (roles: Role[] = ['resident'], extra: Partial<UserDoc> = {}) => personIn(s, roles, { room: String(room++), ...extra })
  const admin = await person(['resident', 'admin'], { adminOf: [s.communityId] })
  const staff = await person(['resident', 'staff'], { grids: [s.gridId], staffOf: [s.communityId], name: staffName })
  return { s, person, admin, staff }
}

/** One more 街道管理员 of the other street (for actions that use the caller up). */
export async function otherStreetAdmin(): Promise<string> {
  const s = await otherStreet()
  const { _id, ...doc } = userDoc(freshOpenid('ost'), s, { roles: ['resident', 'street_admin'], streets: [s.streetId] })
  await sdkDb().collection('users').doc(_id).set({ data: doc })
  return _id
}

// ---- what the tests measure ----------------------------------------------------------------------

/** The sum of a community's pool shards (what it may still pay out). */
export async function poolShards(communityId: string): Promise<number> {
  const { data } = await sdkDb().collection(ACCOUNTS).where({ kind: 'pool', communityId }).limit(100).get()
  return (data as { balance: number }[]).reduce((s, a) => s + a.balance, 0)
}

export async function balanceOf(openid: string): Promise<number> {
  const r = await sdkDb().collection(ACCOUNTS).doc(personAccountId(openid)).get()
  return (r.data as AccountState | null)?.balance ?? 0
}

/** Credit points from a community's pool straight through the ledger (test setup). */
export async function creditFrom(communityId: string, openids: string[], amount: number): Promise<void> {
  const db = sdkDb()
  for (const openid of openids) {
    await tx(db, (t) => applyTransferOrThrow(t, adjustTransfer({ communityId, openid, delta: amount, adjustmentId: `setup:${openid}:${randomUUID().slice(0, 12)}`, reason: '测试准备', at: Date.now() })))
  }
}

/** Documents to watch: one by id, or every document a filter matches. */
export type Ref = readonly [collection: string, idOrWhere: string | Record<string, unknown>]

/** The watched documents as they are now, keyed by collection and id (a missing one reads as null). */
export async function snapshot(refs: readonly Ref[]): Promise<Record<string, unknown>> {
  const db = sdkDb()
  const parts = await Promise.all(
    refs.map(async ([c, w]) => {
      if (typeof w === 'string') return [[`${c}/${w}`, (await db.collection(c).doc(w).get()).data ?? null]] as const
      const { data } = await db.collection(c).where(w).limit(1000).get()
      return (data as { _id: string }[]).map((d) => [`${c}/${d._id}`, d] as const)
    }),
  )
  return Object.fromEntries(parts.flat().sort(([a], [b]) => (a < b ? -1 : 1)))
}

/** Which watched documents differ between two snapshots (added, removed or changed). */
export function changedDocs(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...keys].filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)).sort()
}
