/**
 * The isolation matrix's rows for 微心愿: wishes of A (幸福里) written by A's 网格员 (grid g1) and
 * reviewed by A's admin, claimed by a fresh resident of A. B's staff are told a wish is elsewhere,
 * B's residents are not told it exists; A's street office reads A's published wishes as a donor
 * would (nothing of the child) and may not claim one. Every allowed answer is also searched for the
 * child's details.
 */
import { chinaDay, DAY_MS } from '../../core/china-time'
import * as COLLECTIONS from '../../core/collections'
import type { InputOf } from '../../core/contract/define'
import { PERSONAS } from '../../core/demo/personas'
import { wishesFn } from '../../core/wishes/contract'
import { okAs } from '../integration/orders-support'
import type { Ref } from './communities'
import { person, type Row, type Who } from './isolation'

const CHILD = { name: '隔离小雨', phone: '13911112222', address: '幸福里1号楼101室', guardian: { name: '隔离林妈妈', phone: '13933334444', relation: '母亲' } }
const childIn = (d: unknown) => {
  const text = JSON.stringify(d)
  return [CHILD.name, CHILD.phone, CHILD.address, CHILD.guardian.name, CHILD.guardian.phone].some((x) => text.includes(x)) ? 'shows the child' : null
}

const WISH: InputOf<typeof wishesFn.saveDraft> = {
  kind: 'item', title: '想要一个新书包', detail: '旧书包破了，想要一个新书包。', priceCap: 80, occasion: '六一', targetDate: chinaDay(Date.now() + 30 * DAY_MS),
  gridId: 'g1', shares: 2, alias: '小雨', ageBand: '7-9', grade: '三年级', station: '幸福里党群服务站', ref: CHILD,
}

type State = 'draft' | 'review' | 'published' | 'received' | 'delivered'
/** A fresh wish of A in `state` (received and on: a fresh resident of A claimed both shares and staff received them). */
async function wishOfA(state: State): Promise<string> {
  const id = (await okAs(PERSONAS.staffZhang.openid, wishesFn.saveDraft, WISH))._id
  if (state === 'draft') return id
  await okAs(PERSONAS.staffZhang.openid, wishesFn.submit, { wishId: id })
  if (state === 'review') return id
  await okAs(PERSONAS.admin.openid, wishesFn.review, { wishId: id, approve: true })
  if (state === 'published') return id
  const claimId = await claimOfA(id, 2)
  await okAs(PERSONAS.staffZhang.openid, wishesFn.receive, { claimId })
  if (state === 'delivered') await okAs(PERSONAS.staffZhang.openid, wishesFn.deliver, { wishId: id })
  return id
}
async function claimOfA(wishId: string, shares = 1): Promise<string> {
  const donor = await person('iso-d', 'b1')
  return (await okAs(donor.openid, wishesFn.claim, { wishId, shares })).mine!.claimId
}
const wishRefs = (id: string): Ref[] => [[COLLECTIONS.WISHES, id], [COLLECTIONS.WISH_REFS, id], [COLLECTIONS.WISH_CLAIMS, { wishId: id }]]

/** A row changing (or reading) A's wish in `state`: staff of B hear it is elsewhere. */
const onWish = (action: Row['action'], state: State, input: (id: string) => object, out: Row['out'] = 'OTHER_COMMUNITY', kind: Row['kind'] = 'change'): Row => ({
  action, case: `A's ${state} wish`, kind, out, check: childIn,
  arrange: async () => { const id = await wishOfA(state); return { input: input(id), watch: wishRefs(id) } },
})
/** Residents of B do not learn that A's wish exists; A's street office reads it (as a donor would, nothing of the child). */
const residentOut = (streetSame: string) => (w: Who) => (w === 'streetSame' ? streetSame : 'WISH_UNKNOWN')

export const WISH_ROWS: Row[] = [
  { action: wishesFn.saveDraft, case: 'a wish for A\'s grid', kind: 'change', out: 'GRID_UNKNOWN', check: childIn, arrange: () => ({ input: WISH }) },
  onWish(wishesFn.submit, 'draft', (wishId) => ({ wishId })),
  onWish(wishesFn.review, 'review', (wishId) => ({ wishId, approve: true })),
  onWish(wishesFn.withdraw, 'published', (wishId) => ({ wishId, reason: '核实后撤下' })),
  { action: wishesFn.list, case: 'list with A\'s wish published', kind: 'list', out: 'empty', check: childIn, arrange: async () => { await wishOfA('published'); return { input: {} } } },
  onWish(wishesFn.wish, 'published', (wishId) => ({ wishId }), residentOut('empty'), 'read'),
  onWish(wishesFn.claim, 'published', (wishId) => ({ wishId }), residentOut('OTHER_COMMUNITY')),
  onWish(wishesFn.cancelClaim, 'published', (wishId) => ({ wishId }), 'CLAIM_UNKNOWN'),
  { action: wishesFn.myClaims, case: 'one\'s own (names nothing of A)', kind: 'self', out: 'empty', check: childIn, arrange: () => ({ input: {} }) },
  { action: wishesFn.receive, case: 'a claim on A\'s wish', kind: 'change', out: 'OTHER_COMMUNITY', check: childIn, arrange: async () => { const id = await wishOfA('published'); return { input: { claimId: await claimOfA(id) }, watch: wishRefs(id) } } },
  onWish(wishesFn.recordConsent, 'received', (wishId) => ({ wishId, guardianName: CHILD.guardian.name })),
  onWish(wishesFn.deliver, 'received', (wishId) => ({ wishId })),
  onWish(wishesFn.fulfil, 'delivered', (wishId) => ({ wishId, byGuardian: true })),
  onWish(wishesFn.thank, 'delivered', (wishId) => ({ wishId, message: '谢谢' })),
  { action: wishesFn.staffList, case: 'list with A\'s wish drafted', kind: 'list', out: 'empty', check: childIn, arrange: async () => { await wishOfA('draft'); return { input: {} } } },
  onWish(wishesFn.staffWish, 'draft', (wishId) => ({ wishId }), 'OTHER_COMMUNITY', 'read'),
  {
    action: wishesFn.metrics, case: 'with A\'s wishes published', kind: 'list', out: 'empty', check: childIn,
    arrange: async () => { await wishOfA('published'); return { input: {} } },
    count: { of: (d: { published: number }) => d.published, bump: () => wishOfA('published') },
  },
]
