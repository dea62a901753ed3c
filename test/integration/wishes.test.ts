/**
 * 微心愿 end to end through the real SDK: the whole path from a draft to thanks (the author cannot
 * approve their own), a wish shared by three donors, the 4th open claim refused, a claim released
 * by the expiry timer at a later time, a service wish whose claim becomes a service order paid only
 * through the orders loop, and an item wish that pays nothing.
 */
import { DAY_MS } from '../../core/china-time'
import { orders } from '../../core/orders/contract'
import { wishesFn } from '../../core/wishes/contract'
import { callAs, fireTimer, okAs, sdkDb } from '../support/call'
import { balanceOf } from '../support/communities'
import { beneficiary, expireAt, itemWish, privateOf, publishedWish, serviceWish, wishWorld, type WishWorld } from './wishes-support'

let w: WishWorld
beforeAll(async () => {
  w = await wishWorld()
})

const claimOf = (wishId: string, donor: string) => `${wishId}-${donor}`

describe('the whole path', () => {
  it('draft → review → published → claimed → received → delivered → fulfilled → thanked, and the author cannot approve their own', async () => {
    const b = beneficiary()
    const draft = await okAs(w.staff, wishesFn.saveDraft, itemWish(w.s.gridId, b))
    expect(draft).toMatchObject({ status: 'draft', ref: { name: b.name }, authorId: w.staff })
    // edited by its author while a draft
    const edited = await okAs(w.staff, wishesFn.saveDraft, { ...itemWish(w.s.gridId, b), wishId: draft._id, priceCap: 80 })
    expect(edited.priceCap).toBe(80)
    expect(await callAs(w.staff2, wishesFn.saveDraft, { ...itemWish(w.s.gridId, b), wishId: draft._id })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHOR' } })
    // nobody reviews a draft; the author submits it
    expect(await callAs(w.staff2, wishesFn.review, { wishId: draft._id, approve: true })).toMatchObject({ ok: false, error: { code: 'WISH_STATE' } })
    expect(await callAs(w.staff2, wishesFn.submit, { wishId: draft._id })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHOR' } })
    expect((await okAs(w.staff, wishesFn.submit, { wishId: draft._id })).status).toBe('review')
    // the author may not approve (nor reject) their own
    expect(await callAs(w.staff, wishesFn.review, { wishId: draft._id, approve: true })).toMatchObject({ ok: false, error: { code: 'OWN_WISH' } })
    expect(await callAs(w.staff, wishesFn.review, { wishId: draft._id, approve: false, reason: '重复了' })).toMatchObject({ ok: false, error: { code: 'OWN_WISH' } })
    // a 网格员 of another grid may not review it either
    expect(await callAs(w.staffOther, wishesFn.review, { wishId: draft._id, approve: true })).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_GRID' } })
    const published = await okAs(w.staff2, wishesFn.review, { wishId: draft._id, approve: true })
    expect(published).toMatchObject({ status: 'published', reviewerId: w.staff2, sharesLeft: 1 })
    expect(published.publishedAt).toEqual(expect.any(Number))

    const donor = await w.person()
    expect((await okAs(donor, wishesFn.list, {})).items.map((i) => i._id)).toContain(draft._id)
    const claimed = await okAs(donor, wishesFn.claim, { wishId: draft._id, shares: 1 })
    expect(claimed).toMatchObject({ status: 'claimed', sharesLeft: 0, mine: { status: 'held', shares: 1 } })
    expect(claimed.mine!.expiresAt - Date.now()).toBeGreaterThan(7 * DAY_MS - 60_000)
    // a fully claimed wish leaves the list; the donor still sees it
    expect((await okAs(donor, wishesFn.list, {})).items.map((i) => i._id)).not.toContain(draft._id)
    expect((await okAs(donor, wishesFn.myClaims, {})).items.map((i) => i._id)).toEqual([draft._id])

    const received = await okAs(w.staff, wishesFn.receive, { claimId: claimOf(draft._id, donor) })
    expect(received.status).toBe('received')
    expect(received.claims).toEqual([expect.objectContaining({ status: 'received', orderId: null })])
    // the child is not in the photo: no consent needed; a photo with the child needs it first
    const photo = 'cloud://local.6c6f-local-1250000000/wishes/gift.jpg'
    expect(await callAs(w.staff, wishesFn.deliver, { wishId: draft._id, photos: [photo], childInPhoto: true })).toMatchObject({ ok: false, error: { code: 'CONSENT_MISSING' } })
    const consented = await okAs(w.staff, wishesFn.recordConsent, { wishId: draft._id, guardianName: b.guardian.name })
    expect(consented.consent).toMatchObject({ guardianName: b.guardian.name, by: w.staff, at: expect.any(Number) })
    expect(consented.timeline.at(-1)?.event).toBe('CONSENT')
    expect((await okAs(w.staff, wishesFn.deliver, { wishId: draft._id, photos: [photo], childInPhoto: true })).status).toBe('delivered')
    expect(await callAs(w.staff, wishesFn.thank, { wishId: draft._id, message: '谢谢您' })).toMatchObject({ ok: false, error: { code: 'WISH_STATE' } })
    expect(await okAs(w.staff2, wishesFn.fulfil, { wishId: draft._id, byGuardian: true })).toMatchObject({ status: 'fulfilled', fulfilledBy: 'guardian' })
    expect((await okAs(w.staff, wishesFn.thank, { wishId: draft._id, message: '谢谢叔叔阿姨，书包我很喜欢！' })).status).toBe('thanked')

    const seen = await okAs(donor, wishesFn.wish, { wishId: draft._id })
    expect(seen).toMatchObject({ status: 'thanked', thanks: '谢谢叔叔阿姨，书包我很喜欢！', photos: [photo], mine: { status: 'received' } })
    for (const secret of privateOf(b)) expect(JSON.stringify(seen)).not.toContain(secret)
    const staffSeen = await okAs(w.admin, wishesFn.staffWish, { wishId: draft._id })
    expect(staffSeen.timeline.map((e) => e.event)).toEqual(['DRAFT', 'SUBMIT', 'APPROVE', 'FILL', 'RECEIVE', 'CONSENT', 'DELIVER', 'FULFIL', 'THANK'])
    // an item wish paid nobody: no order, no points
    expect(await balanceOf(donor)).toBe(0)
  })

  it('a wish rejected with a reason (a reason is required), and one withdrawn with its claims cancelled', async () => {
    const d = await okAs(w.staff, wishesFn.saveDraft, itemWish(w.s.gridId))
    await okAs(w.staff, wishesFn.submit, { wishId: d._id })
    expect(await callAs(w.admin, wishesFn.review, { wishId: d._id, approve: false })).toMatchObject({ ok: false, error: { code: 'REASON_MISSING' } })
    expect(await okAs(w.admin, wishesFn.review, { wishId: d._id, approve: false, reason: '价格超出了规定' })).toMatchObject({ status: 'rejected', reason: '价格超出了规定' })
    const donor = await w.person()
    expect(await callAs(donor, wishesFn.wish, { wishId: d._id })).toMatchObject({ ok: false, error: { code: 'WISH_UNKNOWN' } })

    const id = await publishedWish(w, itemWish(w.s.gridId, beneficiary(), { shares: 3 }))
    await okAs(donor, wishesFn.claim, { wishId: id, shares: 2 })
    const withdrawn = await okAs(w.staff, wishesFn.withdraw, { wishId: id, reason: '孩子已经有了' })
    expect(withdrawn).toMatchObject({ status: 'withdrawn', sharesLeft: 3, claims: [expect.objectContaining({ status: 'cancelled' })] })
    expect((await sdkDb().collection('wish_donors').doc(donor).get()).data.open).toBe(0)
    expect(await callAs(donor, wishesFn.claim, { wishId: id })).toMatchObject({ ok: false, error: { code: 'WISH_NOT_OPEN' } })
  })
})

describe('claims', () => {
  it('a shared wish (拼愿) fulfilled by three donors', async () => {
    const id = await publishedWish(w, itemWish(w.s.gridId, beneficiary(), { shares: 4, title: '全班的新年礼物' }))
    const [a, b, c] = await Promise.all([w.person(), w.person(), w.person()])
    expect((await okAs(a, wishesFn.claim, { wishId: id, shares: 2 })).sharesLeft).toBe(2)
    expect(await callAs(b, wishesFn.claim, { wishId: id, shares: 3 })).toMatchObject({ ok: false, error: { code: 'NO_SHARES_LEFT' } })
    expect((await okAs(b, wishesFn.claim, { wishId: id, shares: 1 })).status).toBe('published')
    // a second tap returns the same claim (its id is the idempotency key): nothing more is held
    expect((await okAs(b, wishesFn.claim, { wishId: id, shares: 1 })).sharesLeft).toBe(1)
    expect((await okAs(c, wishesFn.claim, { wishId: id, shares: 1 })).status).toBe('claimed')
    for (const [i, donor] of [a, b, c].entries()) {
      const after = await okAs(w.staff, wishesFn.receive, { claimId: claimOf(id, donor) })
      expect(after.status).toBe(i < 2 ? 'claimed' : 'received')
    }
    await okAs(w.staff, wishesFn.deliver, { wishId: id, photos: [] })
    await okAs(w.staff, wishesFn.fulfil, { wishId: id, byGuardian: false })
    const done = await okAs(w.staff, wishesFn.thank, { wishId: id, message: '谢谢三位爱心人士' })
    expect(done.claims.map((x) => [x.shares, x.status])).toEqual([[2, 'received'], [1, 'received'], [1, 'received']])
    // received claims are not open any more: each donor may claim again
    for (const donor of [a, b, c]) expect((await sdkDb().collection('wish_donors').doc(donor).get()).data.open).toBe(0)
    expect(await callAs(a, wishesFn.claim, { wishId: id })).toMatchObject({ ok: false, error: { code: 'ALREADY_CLAIMED' } })
  })

  it('a donor holds at most 3 open claims: the 4th is refused until one ends', async () => {
    const donor = await w.person()
    const ids = await Promise.all([1, 2, 3, 4].map(() => publishedWish(w, itemWish(w.s.gridId))))
    for (const id of ids.slice(0, 3)) await okAs(donor, wishesFn.claim, { wishId: id })
    expect(await callAs(donor, wishesFn.claim, { wishId: ids[3] })).toMatchObject({ ok: false, error: { code: 'TOO_MANY_CLAIMS' } })
    expect((await okAs(donor, wishesFn.cancelClaim, { wishId: ids[0] })).sharesLeft).toBe(1)
    expect((await okAs(donor, wishesFn.claim, { wishId: ids[3] })).mine?.status).toBe('held')
    expect(await callAs(donor, wishesFn.cancelClaim, { wishId: ids[0] })).toMatchObject({ ok: false, error: { code: 'CLAIM_STATE' } })
  })

  it('a claim not handed in within 7 days expires at the timer: its share is released for another donor', async () => {
    const id = await publishedWish(w, itemWish(w.s.gridId, beneficiary(), { shares: 2 }))
    const [late, onTime] = await Promise.all([w.person(), w.person()])
    await okAs(late, wishesFn.claim, { wishId: id })
    await okAs(onTime, wishesFn.claim, { wishId: id })
    await okAs(w.staff, wishesFn.receive, { claimId: claimOf(id, onTime) })
    // 6 days on nothing lapses; 7 days and a minute on, the held claim does (the received one stays)
    expect((await expireAt(Date.now() + 6 * DAY_MS, w.s.communityId)).expired).toBe(0)
    // every claim of this community still held lapses with it (other tests of the file leave some)
    const held = (await sdkDb().collection('wish_claims').where({ communityId: w.s.communityId, status: 'held' }).count()).total
    expect((await expireAt(Date.now() + 7 * DAY_MS + 60_000, w.s.communityId)).expired).toBe(held)
    const after = await okAs(w.staff, wishesFn.staffWish, { wishId: id })
    expect(after).toMatchObject({ status: 'published', sharesLeft: 1 })
    expect(after.claims.map((c) => c.status).sort()).toEqual(['expired', 'received'])
    expect(after.timeline.map((e) => e.event).slice(-2)).toEqual(['FILL', 'RELEASE'])
    expect((await sdkDb().collection('wish_donors').doc(late).get()).data.open).toBe(0)
    // the released share is claimable again — by another neighbour: the late donor's 7 days are used up
    // (the timer ran at a later time above; their claim's end is moved to the past, as it would be by then)
    await sdkDb().collection('wish_claims').doc(claimOf(id, late)).update({ data: { expiresAt: Date.now() - 1000 } })
    expect(await callAs(late, wishesFn.claim, { wishId: id })).toMatchObject({ ok: false, error: { code: 'HOLD_USED' } })
    expect((await okAs(await w.person(), wishesFn.claim, { wishId: id })).status).toBe('claimed')
  })

  it('the expire trigger declared in config.json runs the same expiry', async () => {
    const id = await publishedWish(w, itemWish(w.s.gridId))
    const donor = await w.person()
    await okAs(donor, wishesFn.claim, { wishId: id })
    await sdkDb().collection('wish_claims').doc(claimOf(id, donor)).update({ data: { expiresAt: Date.now() - 1000 } })
    await fireTimer('wishes', 'expire')
    expect((await okAs(donor, wishesFn.wish, { wishId: id })).mine?.status).toBe('expired')
  })
})

describe('points', () => {
  it('a service wish: receiving a volunteer donor\'s claim makes a service order at the station; points come only when that order is served and confirmed', async () => {
    const id = await publishedWish(w, serviceWish(w.s.gridId))
    const donor = await w.volunteer()
    await okAs(donor, wishesFn.claim, { wishId: id })
    // nobody schedules their own service
    const staffDonor = await w.person(['resident', 'staff'], { grids: [w.s.gridId], staffOf: [w.s.communityId] })
    const other = await publishedWish(w, serviceWish(w.s.gridId))
    await okAs(staffDonor, wishesFn.claim, { wishId: other })
    expect(await callAs(staffDonor, wishesFn.receive, { claimId: claimOf(other, staffDonor) })).toMatchObject({ ok: false, error: { code: 'OWN_CLAIM' } })

    const received = await okAs(w.staff, wishesFn.receive, { claimId: claimOf(id, donor) })
    const orderId = received.claims[0].orderId!
    expect(orderId).toEqual(expect.any(String))
    expect(await balanceOf(donor)).toBe(0)
    const order = (await sdkDb().collection('orders').doc(orderId).get()).data
    expect(order).toMatchObject({ status: 'submitted', source: 'wish', category: 'child_tutoring', address: '远方社区党群服务站', orderedBy: w.staff, residentId: null, communityId: w.s.communityId })
    expect(order.points).toBeGreaterThan(0)
    // the order carries nothing of the child
    const b = (await okAs(w.staff, wishesFn.staffWish, { wishId: id })).ref
    for (const secret of [b.name, b.address, b.guardian.name, b.guardian.phone]) expect(JSON.stringify(order)).not.toContain(secret)
    // the existing loop: another staff member assigns it to the donor (one does not dispatch one's own order), who serves; the receiver confirms; the ledger pays
    expect(await callAs(w.staff, orders.assign, { orderId, volunteerId: donor })).toMatchObject({ ok: false, error: { code: 'OWN_REQUEST' } })
    // reserved for the donor: not to the pool, not to a friend of the dispatcher
    const friend = await w.volunteer()
    expect(await callAs(w.admin, orders.publish, { orderId, points: order.points })).toMatchObject({ ok: false, error: { code: 'RESERVED' } })
    expect(await callAs(w.admin, orders.assign, { orderId, volunteerId: friend })).toMatchObject({ ok: false, error: { code: 'RESERVED' } })
    await okAs(w.admin, orders.assign, { orderId, volunteerId: donor })
    expect(await callAs(w.admin, orders.reassign, { orderId, volunteerId: friend, reason: '换人' })).toMatchObject({ ok: false, error: { code: 'RESERVED' } })
    await okAs(donor, orders.accept, { orderId })
    await okAs(donor, orders.start, { orderId })
    await okAs(donor, orders.reportDone, { orderId, note: '在服务站辅导了两小时数学' })
    expect(await balanceOf(donor)).toBe(0)
    await okAs(w.staff, orders.confirm, { orderId, stars: 5 })
    expect(await balanceOf(donor)).toBe(order.points)
    // the wish goes on by itself; nothing more is paid along it
    await okAs(w.staff, wishesFn.deliver, { wishId: id })
    await okAs(w.staff, wishesFn.fulfil, { wishId: id, byGuardian: true })
    await okAs(w.staff, wishesFn.thank, { wishId: id, message: '谢谢老师' })
    expect(await balanceOf(donor)).toBe(order.points)
  })

  it('a service wish claimed by a donor who is no volunteer makes no order; an item wish never does, even for a volunteer', async () => {
    const svc = await publishedWish(w, serviceWish(w.s.gridId))
    const plain = await w.person()
    await okAs(plain, wishesFn.claim, { wishId: svc })
    expect((await okAs(w.staff, wishesFn.receive, { claimId: claimOf(svc, plain) })).claims[0].orderId).toBeNull()
    const item = await publishedWish(w, itemWish(w.s.gridId))
    const v = await w.volunteer()
    await okAs(v, wishesFn.claim, { wishId: item })
    expect((await okAs(w.staff, wishesFn.receive, { claimId: claimOf(item, v) })).claims[0].orderId).toBeNull()
    for (const step of [() => okAs(w.staff, wishesFn.deliver, { wishId: item }), () => okAs(w.staff, wishesFn.fulfil, { wishId: item, byGuardian: false }), () => okAs(w.staff, wishesFn.thank, { wishId: item, message: '谢谢' })]) await step()
    expect([await balanceOf(plain), await balanceOf(v)]).toEqual([0, 0])
  })
})

describe('nobody gives to their own wish, and a hold is not renewed by letting go', () => {
  it('refuses the author and the reviewer as donors', async () => {
    const id = await publishedWish(w, serviceWish(w.s.gridId))
    for (const staff of [w.staff, w.staff2]) expect(await callAs(staff, wishesFn.claim, { wishId: id })).toMatchObject({ ok: false, error: { code: 'OWN_WISH' } })
  })

  it('keeps the first 7 days when a donor cancels and claims again', async () => {
    const id = await publishedWish(w, itemWish(w.s.gridId))
    const donor = await w.person()
    const first = (await okAs(donor, wishesFn.claim, { wishId: id })).mine!
    await okAs(donor, wishesFn.cancelClaim, { wishId: id })
    expect((await okAs(donor, wishesFn.claim, { wishId: id })).mine!.expiresAt).toBe(first.expiresAt)
  })

  it('shows the gift photos to a donor who gave, not to one who claimed and let go', async () => {
    const id = await publishedWish(w, itemWish(w.s.gridId, beneficiary(), { shares: 2 }))
    const [gave, left] = await Promise.all([w.person(), w.person()])
    await okAs(left, wishesFn.claim, { wishId: id })
    await okAs(left, wishesFn.cancelClaim, { wishId: id })
    await okAs(gave, wishesFn.claim, { wishId: id, shares: 2 })
    await okAs(w.staff, wishesFn.receive, { claimId: claimOf(id, gave) })
    await okAs(w.staff, wishesFn.recordConsent, { wishId: id, guardianName: '林妈妈' })
    await okAs(w.staff, wishesFn.deliver, { wishId: id, photos: ['cloud://test-env/wishes/gift.jpg'], childInPhoto: true })
    expect((await okAs(gave, wishesFn.wish, { wishId: id })).photos).toEqual(['cloud://test-env/wishes/gift.jpg'])
    expect((await okAs(left, wishesFn.wish, { wishId: id })).photos).toEqual([])
    expect(JSON.stringify(await okAs(left, wishesFn.myClaims, {}))).not.toContain('gift.jpg')
  })
})

describe('figures and scope', () => {
  it('metrics for staff: a 网格员 counts their grids, the admin the community', async () => {
    const kid = beneficiary()
    const [first, second] = [await publishedWish(w, itemWish(w.s.gridId, kid)), await publishedWish(w, itemWish(w.s.gridId, kid))]
    const donor = await w.person()
    for (const id of [first, second]) {
      await okAs(donor, wishesFn.claim, { wishId: id })
      await okAs(w.staff, wishesFn.receive, { claimId: claimOf(id, donor) })
    }
    await okAs(w.staff, wishesFn.deliver, { wishId: first })
    await okAs(w.staff, wishesFn.fulfil, { wishId: first, byGuardian: true })
    const mine = await okAs(w.staff, wishesFn.metrics, {})
    expect(mine.published).toBeGreaterThanOrEqual(2)
    expect(mine.fulfilled.num).toBeGreaterThanOrEqual(1)
    expect(mine.repeatDonors).toBeGreaterThanOrEqual(1)
    expect(mine.claimedIn7Days.num).toBeGreaterThanOrEqual(2)
    expect(mine.medianDaysToFulfil).toEqual(expect.any(Number))
    // the same child's two wishes count once
    expect(mine.beneficiaries).toBeLessThan(mine.published)
    const other = await okAs(w.staffOther, wishesFn.metrics, {})
    expect(other.published).toBeLessThan(mine.published)
    expect((await okAs(w.admin, wishesFn.metrics, {})).published).toBeGreaterThanOrEqual(mine.published)
  })

  it('a 网格员 writes and handles wishes of their grids only; the admin all of the community', async () => {
    expect(await callAs(w.staffOther, wishesFn.saveDraft, itemWish(w.s.gridId))).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_GRID' } })
    expect(await callAs(w.staff, wishesFn.saveDraft, itemWish('no-such-grid'))).toMatchObject({ ok: false, error: { code: 'GRID_UNKNOWN' } })
    const id = await publishedWish(w, itemWish(w.s.gridId))
    expect(await callAs(w.staffOther, wishesFn.staffWish, { wishId: id })).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_GRID' } })
    expect((await okAs(w.staffOther, wishesFn.staffList, {})).items.map((i) => i._id)).not.toContain(id)
    expect((await okAs(w.admin, wishesFn.staffList, { status: 'published' })).items.map((i) => i._id)).toContain(id)
    const inGrid2 = await okAs(w.admin, wishesFn.saveDraft, itemWish(w.grid2))
    expect((await okAs(w.staffOther, wishesFn.staffList, {})).items.map((i) => i._id)).toContain(inGrid2._id)
  })
})
