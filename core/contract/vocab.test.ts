import { keysOf } from './vocab'
import { ROLE_LABELS, ROLES } from './roles'
import { STATUS_LABELS, STATUSES } from '../orders/vocab'

describe('keysOf', () => {
  it('lists the keys in the order the labels are written', () => {
    expect(keysOf({ b: '乙', a: '甲', c: '丙' })).toEqual(['b', 'a', 'c'])
    expect(ROLES).toEqual(['guest', 'resident', 'volunteer', 'staff', 'building_lead', 'admin', 'street_admin'])
    expect(STATUSES.slice(0, 3)).toEqual(['submitted', 'open', 'accepted'])
  })
  it('gives every key a label', () => {
    for (const r of ROLES) expect(ROLE_LABELS[r]).toBeTruthy()
    for (const s of STATUSES) expect(STATUS_LABELS[s]).toBeTruthy()
  })
})
