import { attendanceCsv, attendanceOf } from './attendance'
import { planCheckIn } from './checkin'
import { MAX_CODE_TRIES, type RegistrationDoc } from './model'

const reg = (status: RegistrationDoc['status']) => ({ status })

describe('planCheckIn', () => {
  it('a signed-up attendee with the right code attends; a wrong code counts a try', () => {
    expect(planCheckIn(reg('registered'), { kind: 'code', right: true, tries: 0 })).toEqual({ kind: 'attend', walkIn: false })
    expect(planCheckIn(reg('registered'), { kind: 'code', right: false, tries: 0 })).toEqual({ kind: 'refuse', code: 'CODE_WRONG', countTry: true })
  })
  it('someone not signed up gets the same answer for a right and a wrong code, and the try counts', () => {
    for (const r of [null, reg('cancelled'), reg('waiting')]) {
      const right = planCheckIn(r, { kind: 'code', right: true, tries: 3 })
      expect(right).toEqual(planCheckIn(r, { kind: 'code', right: false, tries: 3 }))
      expect(right).toEqual({ kind: 'refuse', code: 'NOT_SIGNED_UP', countTry: true })
    }
  })
  it('after the limit of tries only staff can check the person in, signed up or not', () => {
    for (const r of [null, reg('registered')]) expect(planCheckIn(r, { kind: 'code', right: true, tries: MAX_CODE_TRIES })).toMatchObject({ code: 'TOO_MANY_TRIES' })
    expect(planCheckIn(reg('registered'), { kind: 'staff' })).toEqual({ kind: 'attend', walkIn: false })
  })
  it('already attended is answered as such, whatever the way in', () => {
    for (const via of [{ kind: 'code' as const, right: false, tries: 99 }, { kind: 'staff' as const }, { kind: 'walk-in' as const, added: 99, limit: 1 }]) {
      expect(planCheckIn(reg('attended'), via)).toEqual({ kind: 'already' })
    }
  })
  it('walk-ins count against the staff member\'s limit; a signed-up person is no walk-in', () => {
    expect(planCheckIn(null, { kind: 'walk-in', added: 9, limit: 10 })).toEqual({ kind: 'attend', walkIn: true })
    expect(planCheckIn(null, { kind: 'walk-in', added: 10, limit: 10 })).toEqual({ kind: 'refuse', code: 'WALKIN_LIMIT', countTry: false })
    expect(planCheckIn(reg('registered'), { kind: 'walk-in', added: 10, limit: 10 })).toEqual({ kind: 'attend', walkIn: false })
    expect(planCheckIn(null, { kind: 'staff' })).toMatchObject({ code: 'NOT_SIGNED_UP' })
  })
})

describe('attendance for the reconciliation', () => {
  const r = (over: Partial<RegistrationDoc>): RegistrationDoc => ({ _id: 'x', communityId: 'c', eventId: 'e', openid: 'u', name: '王', family: 0, status: 'registered', seats: [], createdAt: 0, updatedAt: 0, sortKey: '', ...over })
  const regs = [r({ status: 'attended', awarded: 5, checkedInAt: Date.UTC(2026, 11, 4, 2) }), r({ status: 'attended', walkIn: true, walkInBy: 's1', name: '=李', awarded: 5 }), r({ status: 'cancelled' }), r({ status: 'registered' })]
  it('counts sign-ups, arrivals and walk-ins with who added them', () => {
    expect(attendanceOf(regs, new Map([['s1', '张网格']]))).toEqual({
      signedUp: 2,
      attended: 2,
      walkIns: 1,
      pointsAwarded: 10,
      walkInList: [{ name: '=李', by: '张网格', at: null, awarded: 5 }],
    })
  })
  it('the CSV marks walk-ins and defuses names', () => {
    const csv = attendanceCsv(regs, new Map([['s1', '张网格']]), () => '2026-12-04 10:00')
    expect(csv.split('\r\n')[2]).toBe("'=李,已到场,现场登记,张网格,,5")
  })
})
