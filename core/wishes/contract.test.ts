import { beneficiaryRef, staffWishView, wishInput, wishView, wishesFn } from './contract'
import { MAX_PRICE_CAP } from './vocab'

const ref = { name: '林小雨', address: '3号楼201室', guardian: { name: '林妈妈', phone: '13900001111', relation: '母亲' } }
const base = { title: '想要一个书包', detail: '旧书包破了。', occasion: '六一', targetDate: '2027-06-01', gridId: 'g1', shares: 1, alias: '小雨', ageBand: '7-9', grade: '三年级', station: '党群服务站', ref }

test('a donor\'s view has no field of the beneficiary\'s reference; the staff view has them all', () => {
  const donorFields = Object.keys(wishView.shape)
  for (const f of ['ref', 'name', 'phone', 'address', 'guardian', 'consent', ...Object.keys(beneficiaryRef.shape)]) expect(donorFields).not.toContain(f)
  expect(Object.keys(staffWishView.shape.ref.shape).sort()).toEqual(Object.keys(beneficiaryRef.shape).sort())
})

test('an item has a price cap of at most 100 元; a service names its kind', () => {
  expect(wishInput.safeParse({ ...base, kind: 'item', priceCap: MAX_PRICE_CAP }).success).toBe(true)
  expect(wishInput.safeParse({ ...base, kind: 'item', priceCap: MAX_PRICE_CAP + 1 }).success).toBe(false)
  expect(wishInput.safeParse({ ...base, kind: 'item' }).success).toBe(false)
  expect(wishInput.safeParse({ ...base, kind: 'service', category: 'child_tutoring' }).success).toBe(true)
  expect(wishInput.safeParse({ ...base, kind: 'service' }).success).toBe(false)
})

test('only receiving a claim can lead to points (through a service order); every staff action is staff-only', () => {
  const movers = Object.values(wishesFn).filter((c) => 'moves' in c && c.moves?.length).map((c) => c.action)
  expect(movers).toEqual(['receive'])
  const forResidents = Object.values(wishesFn).filter((c) => (c.roles as readonly string[]).includes('resident')).map((c) => c.action)
  expect(forResidents.sort()).toEqual(['cancelClaim', 'claim', 'list', 'myClaims', 'wish'])
})
