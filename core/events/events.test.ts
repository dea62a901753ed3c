import { createHmac } from 'node:crypto'
import { acceptsCode, attendeeCode, CODE_WINDOW_MS, newCheckinToken, rotatingCode, tokenOf } from './checkin-code'
import { canCancel, canSignUp, inAudience, pickSeats, planPromotions, waitOrder } from './capacity'
import type { EventDoc, RegistrationDoc } from './model'
import { dueForClose, dueForReminder, reminderText } from './reminders'

const hmac = (m: string) => createHmac('sha256', 'secret').update(m).digest('hex')
const now = Date.UTC(2025, 5, 1, 2)
const ev = (p: Partial<EventDoc> = {}): EventDoc => ({
  _id: 'e1', communityId: 'c', streetId: 's', kind: 'clinic', title: '义诊', place: '活动室', startAt: now + 3600e3, startKey: '', endAt: now + 7200e3,
  deadline: now + 1800e3, capacity: 3, audience: { kind: 'everyone' }, points: 5, booths: [], status: 'published',
  secret: 's', createdBy: 'x', createdAt: now, ...p,
})
const reg = (id: string, waitAt: number, family = 0, waitSeq = 0): RegistrationDoc => ({
  _id: id, communityId: 'c', eventId: 'e1', openid: id, name: id, family, status: 'waiting', seats: [], waitAt, waitSeq, createdAt: 0, updatedAt: 0, sortKey: '',
})

describe('sign-up rules', () => {
  it('checks status, deadline and audience', () => {
    expect(canSignUp(ev(), { roles: ['resident'] }, now)).toBeNull()
    expect(canSignUp(ev({ status: 'cancelled' }), { roles: ['resident'] }, now)).toBe('EVENT_CANCELLED')
    expect(canSignUp(ev(), { roles: ['resident'] }, now + 1800e3 + 1)).toBe('EVENT_CLOSED')
    expect(inAudience({ kind: 'volunteers' }, { roles: ['resident'] })).toBe(false)
    expect(inAudience({ kind: 'volunteers' }, { roles: ['resident', 'volunteer'] })).toBe(true)
    expect(inAudience({ kind: 'grid', gridId: 'g1' }, { roles: ['resident'], gridId: 'g2' })).toBe(false)
    expect(inAudience({ kind: 'grid', gridId: 'g1' }, { roles: ['resident'], gridId: 'g1' })).toBe(true)
  })
  it('cancels only a live registration before the deadline', () => {
    expect(canCancel(ev(), null, now)).toBe('NOT_SIGNED_UP')
    expect(canCancel(ev(), { ...reg('a', 1), status: 'registered' }, now)).toBeNull()
    expect(canCancel(ev(), { ...reg('a', 1), status: 'attended' }, now)).toBe('NOT_SIGNED_UP')
    expect(canCancel(ev(), reg('a', 1), now + 1800e3 + 1)).toBe('EVENT_CLOSED')
  })
  it('picks distinct random seats, or null when not enough', () => {
    const free = ['s0', 's1', 's2', 's3']
    const got = pickSeats(free, 3)!
    expect(new Set(got).size).toBe(3)
    expect(got.every((s) => free.includes(s))).toBe(true)
    expect(pickSeats(free, 5)).toBeNull()
  })
  it('promotes in waitlist order, skipping a party too big for what is left', () => {
    const w = [reg('c', 3), reg('a', 1, 2), reg('b', 2), reg('d', 2, 0, 1)]
    expect([...w].sort(waitOrder).map((r) => r._id)).toEqual(['a', 'b', 'd', 'c'])
    expect(planPromotions(w, 1).map((r) => r._id)).toEqual(['b'])
    expect(planPromotions(w, 3).map((r) => r._id)).toEqual(['a'])
    expect(planPromotions(w, 5).map((r) => r._id)).toEqual(['a', 'b', 'd'])
  })
})

describe('check-in codes', () => {
  it('rotates every window and accepts the previous one', () => {
    const a = rotatingCode(hmac, 'e1', now)
    expect(a.code).toMatch(/^\d{6}$/)
    expect(acceptsCode(hmac, 'e1', a.code, now)).toBe(true)
    expect(acceptsCode(hmac, 'e1', a.code, now + CODE_WINDOW_MS)).toBe(true)
    expect(acceptsCode(hmac, 'e1', a.code, now + 2 * CODE_WINDOW_MS + 1)).toBe(false)
    expect(acceptsCode(hmac, 'e2', a.code, now)).toBe(false)
  })
  it('an attendee code is 16 characters of base 32 in a QR-alphanumeric text that names nobody', () => {
    const token = newCheckinToken(Uint8Array.from([0, 0x44, 0x32, 0x14, 0xc7, 0x42, 0x54, 0xb6, 0x35, 0xcf]))
    expect(token).toBe('0123456789ABCDEF')
    const code = attendeeCode(token)
    expect(code).toBe('LINLI:CI:0123456789ABCDEF')
    expect(code).toMatch(/^[0-9A-Z $%*+\-./:]+$/) // QR alphanumeric mode
    expect(newCheckinToken(new Uint8Array(10).fill(255))).toBe('ZZZZZZZZZZZZZZZZ')
    expect(() => newCheckinToken(new Uint8Array(9))).toThrow()
  })
  it('reads the token back from a scan or from typing, forgiving case, spaces and look-alike letters', () => {
    expect(tokenOf('LINLI:CI:0123456789ABCDEF')).toBe('0123456789ABCDEF')
    expect(tokenOf(' linli:ci:0123 4567-89ab cdef ')).toBe('0123456789ABCDEF')
    expect(tokenOf('O123456789ABCDEF')).toBe('0123456789ABCDEF')
    expect(tokenOf('LINLI:CI:0123456789ABCDE')).toBeNull()
    expect(tokenOf('LINLI:CI:0123456789ABCDEU')).toBeNull()
    expect(tokenOf('linli:ci:e1:some-openid:abcdef012345')).toBeNull()
  })
})

describe('reminders and closing', () => {
  it('reminds once within 24 hours before the start', () => {
    expect(dueForReminder(ev(), now)).toBe(true)
    expect(dueForReminder(ev({ remindedAt: now }), now)).toBe(false)
    expect(dueForReminder(ev({ startAt: now + 25 * 3600e3 }), now)).toBe(false)
    expect(reminderText(ev())).toContain('义诊')
    // 00:30 on 2 June in Beijing is 16:30 UTC on 1 June: the text gives the China date and clock
    expect(reminderText(ev({ startAt: Date.UTC(2025, 5, 1, 16, 30) }))).toBe('您报名的「义诊」将于6月2日 00:30 在活动室开始，记得准时参加')
    expect(reminderText(ev({ startAt: Date.UTC(2025, 5, 1, 1, 0) }))).toContain('6月1日 09:00')
    expect(dueForClose(ev(), now + 7200e3)).toBe(true)
    expect(dueForClose(ev({ closedAt: 1 }), now + 7200e3)).toBe(false)
  })
})
