import { NOTICE_KINDS } from './effects'
import { orderPageOf } from './notice-pages'

describe('which page an order notice opens', () => {
  it('staff notices open the staff order page, a volunteer\'s the volunteer\'s, the rest the resident\'s', () => {
    expect(['new_order', 'released_staff', 'overdue_staff', 'overdue_triage', 'check_unsolved'].map(orderPageOf)).toEqual(Array(5).fill('staff/pages/triage-order/index'))
    expect(['assigned', 'rated'].map(orderPageOf)).toEqual(Array(2).fill('volunteer/pages/order/index'))
    expect(['done', 'dispatched', 'street_replied', 'check'].map(orderPageOf)).toEqual(Array(4).fill('pages/order/detail/index'))
  })
  it('every notice meant for staff (its kind ends in _staff, or says 派单) opens the staff page', () => {
    const staffy = NOTICE_KINDS.filter((k) => k.endsWith('_staff') || k === 'new_order' || k === 'overdue_triage' || k === 'check_unsolved')
    expect(staffy.length).toBeGreaterThanOrEqual(5)
    for (const k of staffy) expect(orderPageOf(k)).toBe('staff/pages/triage-order/index')
  })
})
