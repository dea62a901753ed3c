/**
 * 微心愿 as stored: the wish (`wishes`, what donors may see plus bookkeeping), its beneficiary
 * (`wish_refs/<wishId>`, staff only, never read by a donor's action), the claims
 * (`wish_claims/<wishId>-<donor>`) and each donor's open-claims counter (`wish_donors/<openid>`).
 */
import { createHash } from 'node:crypto'
import { WISH_CLAIMS, WISH_DONORS, WISH_REFS, WISHES } from '../../core/collections'
import { commonError } from '../../core/contract/errors'
import { managesGrid } from '../../core/orders/permissions'
import type { Skill } from '../../core/users/vocab'
import type { StaffWishView, WishView } from '../../core/wishes/contract'
import { wishesError } from '../../core/wishes/contract'
import type { ClaimStatus, WishStatus } from '../../core/wishes/machine'
import type { AgeBand, WishKind } from '../../core/wishes/vocab'
import type { Ctx } from '../../server/context'
import { getOrNull, rows, type Db, type Tx } from '../../server/db'

export { WISH_CLAIMS, WISH_DONORS, WISH_REFS, WISHES }

export interface TimelineEntry {
  at: number
  by: string
  event: string
  note: string | null
}

export interface WishDoc {
  _id: string
  communityId: string
  streetId: string
  gridId: string
  kind: WishKind
  title: string
  detail: string
  priceCap: number | null
  category: Skill | null
  occasion: string
  targetDate: string
  alias: string
  ageBand: AgeBand
  grade: string
  station: string
  status: WishStatus
  shares: number
  /** Shares of claims held or received (what is not left to claim). */
  sharesHeld: number
  sharesReceived: number
  /** The same child across wishes (a hash of the reference: counts distinct beneficiaries, shows nothing). */
  beneficiaryKey: string
  reason: string | null
  authorId: string
  reviewerId: string | null
  createdAt: number
  updatedAt: number
  publishedAt: number | null
  /** When its last share was claimed (null while shares are left). */
  claimedAt: number | null
  fulfilledAt: number | null
  fulfilledBy: 'guardian' | 'staff' | null
  photos: string[]
  childInPhoto: boolean
  thanks: string | null
  timeline: TimelineEntry[]
}

export interface WishRefDoc {
  _id: string
  communityId: string
  name: string
  phone: string | null
  address: string
  guardian: { name: string; phone: string; relation: string }
  consent: { guardianName: string; by: string; at: number } | null
}

export interface ClaimDoc {
  _id: string
  wishId: string
  communityId: string
  donorId: string
  donorName: string
  shares: number
  status: ClaimStatus
  claimedAt: number
  expiresAt: number
  endedAt: number | null
  orderId: string | null
}

export interface DonorDoc {
  _id: string
  communityId: string
  /** Claims held now (MAX_OPEN_CLAIMS at most). */
  open: number
  updatedAt: number
}

/** Wishes a donor may look at: from publishing on (a draft, one under review or refused is staff's). */
export const PUBLIC_STATUSES: readonly WishStatus[] = ['published', 'claimed', 'received', 'delivered', 'fulfilled', 'thanked']

export const claimIdOf = (wishId: string, donorId: string) => `${wishId}-${donorId}`

export const beneficiaryKeyOf = (ref: { name: string; guardian: { phone: string } }) => createHash('sha256').update(`${ref.name}|${ref.guardian.phone}`).digest('hex').slice(0, 16)

/** A wish staff may handle: of the community acted in (else OTHER_COMMUNITY), of their grids for a 网格员 (admins: all). */
export function mustManage<T extends Pick<WishDoc, 'communityId' | 'gridId'>>(ctx: Pick<Ctx, 'caller'>, w: T | null): T {
  if (!w) throw wishesError('WISH_UNKNOWN')
  if (w.communityId !== ctx.caller.communityId) throw commonError('OTHER_COMMUNITY')
  if (!managesGrid(ctx.caller, w)) throw wishesError('NOT_YOUR_GRID')
  return w
}

export const getWish = (db: Db | Tx, id: string) => getOrNull<WishDoc>(db, WISHES, id)

/** The donor's view: no field of the beneficiary's reference exists in it. */
export function wishViewOf(w: WishDoc, mine: ClaimDoc | null): WishView {
  return {
    _id: w._id,
    kind: w.kind,
    title: w.title,
    detail: w.detail,
    priceCap: w.priceCap,
    category: w.category,
    occasion: w.occasion,
    targetDate: w.targetDate,
    gridId: w.gridId,
    alias: w.alias,
    ageBand: w.ageBand,
    grade: w.grade,
    station: w.station,
    status: w.status,
    shares: w.shares,
    sharesLeft: w.shares - w.sharesHeld,
    publishedAt: w.publishedAt,
    // the handover photos are for those who gave (and staff): not a neighbour who claimed and let go
    photos: mine?.status === 'received' ? w.photos : [],
    thanks: w.thanks,
    mine: mine && { claimId: mine._id, shares: mine.shares, status: mine.status, expiresAt: mine.expiresAt },
  }
}

export function staffViewOf(w: WishDoc, ref: WishRefDoc, claims: ClaimDoc[]): StaffWishView {
  const { _id: _, communityId: _c, consent, ...person } = ref
  return {
    ...wishViewOf(w, null),
    photos: w.photos,
    ref: person,
    consent,
    childInPhoto: w.childInPhoto,
    authorId: w.authorId,
    reviewerId: w.reviewerId,
    reason: w.reason,
    fulfilledBy: w.fulfilledBy,
    claims: claims.map((c) => ({ claimId: c._id, donorName: c.donorName, shares: c.shares, status: c.status, claimedAt: c.claimedAt, expiresAt: c.expiresAt, orderId: c.orderId })),
    timeline: w.timeline,
  }
}

const claimsOf = (db: Db, wishIds: string[]) =>
  wishIds.length ? rows<ClaimDoc>(db.collection(WISH_CLAIMS).where({ wishId: db.command.in(wishIds) }).limit(1000)) : Promise.resolve([])

/** Staff views of these wishes (their references and claims in two reads). */
export async function staffViews(db: Db, wishes: WishDoc[]): Promise<StaffWishView[]> {
  const ids = wishes.map((w) => w._id)
  const [refs, claims] = await Promise.all([ids.length ? rows<WishRefDoc>(db.collection(WISH_REFS).where({ _id: db.command.in(ids) }).limit(1000)) : [], claimsOf(db, ids)])
  const refOf = new Map(refs.map((r) => [r._id, r]))
  return wishes.filter((w) => refOf.has(w._id)).map((w) => staffViewOf(w, refOf.get(w._id)!, claims.filter((c) => c.wishId === w._id).sort((a, b) => a.claimedAt - b.claimedAt)))
}

export async function staffView(db: Db, w: WishDoc): Promise<StaffWishView> {
  const [view] = await staffViews(db, [w])
  if (!view) throw wishesError('WISH_UNKNOWN')
  return view
}

/** The counter of a donor's open claims (a fresh one at zero). */
export async function donorOf(t: Tx, openid: string, communityId: string, now: number): Promise<DonorDoc> {
  return (await getOrNull<DonorDoc>(t, WISH_DONORS, openid)) ?? { _id: openid, communityId, open: 0, updatedAt: now }
}

export const entry = (at: number, by: string, event: string, note: string | null = null): TimelineEntry => ({ at, by, event, note })
