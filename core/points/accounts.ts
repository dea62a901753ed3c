/**
 * Accounts of the 爱心银行 and the calendar they live by (China time: core/china-time.ts).
 *
 * Everything that holds points is an account (timeoverflow): a person, the community pool that
 * issues awards and takes back expired points, and the redemption sink that receives spent points.
 * The two community accounts are touched by many transfers at once, so each is split into
 * POOL_SHARDS documents; a transfer picks its shard by a hash of its own id, and the logical
 * balance is the sum of the shards. Only person accounts must stay ≥ 0.
 */
import { startOfChinaYear } from '../china-time'

export const POOL_SHARDS = 64

export type AccountKind = 'person' | 'pool' | 'redemption'
export type AccountRef = { kind: 'person'; openid: string } | { kind: 'pool' } | { kind: 'redemption' }

export interface AccountState {
  _id: string
  kind: AccountKind
  communityId: string
  /** person accounts only */
  openid?: string
  balance: number
  /** person accounts only: remaining points by the (CST) year they were earned, for expiry. */
  lots: Record<string, number>
  /** person accounts only: awards counted against the daily cap on `day` (YYYY-MM-DD, CST). */
  day?: string
  dayAwarded?: number
}

/** FNV-1a, 32 bit: stable and cheap, for picking a shard. */
export function hash32(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

export function shardOf(key: string): number {
  return hash32(key) % POOL_SHARDS
}

export function personAccountId(openid: string): string {
  return `person:${openid}`
}

export function poolShardId(communityId: string, k: number): string {
  return `pool:${communityId}:${k}`
}

export function redemptionShardId(communityId: string, k: number): string {
  return `redeemed:${communityId}:${k}`
}

/** The document id an account reference resolves to for one transfer (shard by transfer id). */
export function accountDocId(ref: AccountRef, communityId: string, transferId: string): string {
  if (ref.kind === 'person') return personAccountId(ref.openid)
  const k = shardOf(transferId)
  return ref.kind === 'pool' ? poolShardId(communityId, k) : redemptionShardId(communityId, k)
}

export function emptyAccount(ref: AccountRef, id: string, communityId: string): AccountState {
  const base = { _id: id, kind: ref.kind, communityId, balance: 0, lots: {} }
  return ref.kind === 'person' ? { ...base, openid: ref.openid } : base
}

/**
 * Default expiry: points earned in year Y expire at the end of 31 December of Y+1 (China time),
 * i.e. at 00:00 CST on 1 January of Y+2. So a point is always valid for at least a full year.
 */
export function lotExpiresAt(year: number): number {
  return startOfChinaYear(year + 2)
}

export function isLotExpired(year: number, now: number): boolean {
  return now >= lotExpiresAt(year)
}

/** The lots a person can spend at `now`: a lot past its expiry is never spent, whether or not the expiry timer has run. */
export function spendableLots(lots: Record<string, number>, now: number): Record<string, number> {
  return Object.fromEntries(Object.entries(lots).filter(([y, n]) => n > 0 && !isLotExpired(Number(y), now)))
}

/** What a person can spend at `now` (the stored balance still holds expired lots until the timer moves them). */
export function spendableBalance(account: Pick<AccountState, 'lots'> | null | undefined, now: number): number {
  return Object.values(spendableLots(account?.lots ?? {}, now)).reduce((a, b) => a + b, 0)
}
