import { anOrder } from '../../core/orders/fixtures'
import { legacyOf, orderPatch, eventPatch, userPatch } from './001-street-hierarchy'
import { eventKeys, userKeys } from './002-paging-keys'
import { signUpKey } from './003-sign-ups-by-date'
import { staffKeys } from './004-staff-order-lists'
import { orderSource } from './005-order-sources'
import { orderFacts } from './006-order-facts'
import { storedFactsOf } from '../../core/kpis/cells'
import { packFacts, unpackFacts } from '../../core/kpis/facts'
import { describeMigrations, MIGRATIONS } from '.'

const l = legacyOf({})
/** An order as the single-community app stored it: no place, no pool, old audience key. */
function oldOrder(over: Record<string, unknown> = {}) {
  const { communityId, streetId, pool, street, streetKey, ...rest } = anOrder(over)
  void [communityId, streetId, pool, street, streetKey]
  const a = rest.audience
  return { ...rest, audienceKey: a.volunteerId ? `v:${a.volunteerId}` : a.team ? `t:${a.team}` : a.skill ? `s:${a.skill}` : 'all' }
}

describe('migrations', () => {
  it('are numbered, in order, each once', () => {
    const ids = MIGRATIONS.map((m) => m.id)
    expect(ids).toEqual([...ids].sort())
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^\d{3}-[a-z-]+$/)
  })

  it('the legacy community is the id the ledger already uses; the street comes from the environment', () => {
    expect(legacyOf({})).toEqual({ communityId: 'default', streetId: 'street', streetName: '本街道' })
    expect(legacyOf({ LINLI_COMMUNITY_ID: 'xfl', LINLI_STREET_ID: 'xf', LINLI_STREET_NAME: '幸福街道' })).toEqual({ communityId: 'xfl', streetId: 'xf', streetName: '幸福街道' })
  })

  it('a person of the old app gets home, street, and the community they work in as staff or admin', () => {
    expect(userPatch(l)({ _id: 'u', roles: ['resident'] })).toEqual({ communityId: 'default', streetId: 'street' })
    expect(userPatch(l)({ _id: 'u', roles: ['resident', 'staff', 'admin'] })).toEqual({ communityId: 'default', streetId: 'street', staffOf: ['default'], adminOf: ['default'] })
    // migrated (or of the new shape): left alone, whatever their scopes
    expect(userPatch(l)({ _id: 'u', roles: ['resident', 'staff'], communityId: 'heping', streetId: 'xf' })).toBeNull()
  })

  it('an old order gets its place and pool, and keys with the community; a migrated one needs nothing', () => {
    for (const over of [{}, { status: 'open', audience: { skill: 'repair_pipe', team: null, volunteerId: null } }, { status: 'accepted', volunteerId: 'v1', audience: { skill: null, team: null, volunteerId: 'v1' } }, { status: 'escalated' }]) {
      const old = oldOrder(over)
      const patch = orderPatch(l)(old)!
      expect(patch).toMatchObject({ communityId: 'default', streetId: 'street', pool: 'community', street: null, streetKey: null })
      expect(patch.audienceKey).toBe(`c:default|${old.audienceKey}`)
      // keys that were right stay unwritten
      expect(Object.keys(patch).sort()).toEqual(['audienceKey', 'communityId', 'pool', 'street', 'streetId', 'streetKey'])
      expect(orderPatch(l)({ ...old, ...patch })).toBeNull()
    }
    expect(orderPatch(l)(anOrder({ status: 'open' }))).toBeNull()
  })

  it('an order whose key went stale (an old function changed its audience after the first pass) gets it again', () => {
    const migrated = { ...oldOrder(), ...orderPatch(l)(oldOrder())! }
    expect(orderPatch(l)({ ...migrated, audience: { skill: null, team: 'youth', volunteerId: null }, audienceKey: 't:youth' })).toEqual({ audienceKey: 'c:default|t:youth' })
  })

  it('an event keeps its community and gets the street', () => {
    expect(eventPatch(l)({ _id: 'e', communityId: 'default' })).toEqual({ streetId: 'street' })
    expect(eventPatch(l)({ _id: 'e', communityId: 'default', streetId: 'street' })).toBeNull()
  })

  it('paging keys: time + id, as the functions write them; a moved event gets its key again', () => {
    expect(userKeys({ _id: 'u1', createdAt: 5, volunteer: { status: 'approved', appliedAt: 36 } })).toEqual({ sortKey: '000000005u1', volunteer: { status: 'approved', appliedAt: 36, sortKey: '000000010u1' } })
    expect(userKeys({ _id: 'u1', createdAt: 5, sortKey: '000000005u1', volunteer: null })).toBeNull()
    expect(eventKeys({ _id: 'e1', startAt: 35 })).toEqual({ startKey: '00000000ze1' })
    expect(eventKeys({ _id: 'e1', startAt: 35, startKey: '00000000ze1' })).toBeNull()
    expect(eventKeys({ _id: 'e1', startAt: 36, startKey: '00000000ze1' })).toEqual({ startKey: '000000010e1' })
  })

  it('a registration gets its event\'s start as its key in "my sign-ups", kept when the event moved', () => {
    const starts = new Map([['e1', 35]])
    expect(signUpKey(starts)({ _id: 'reg:e1:u', eventId: 'e1' })).toEqual({ eventStartKey: '00000000zreg:e1:u' })
    expect(signUpKey(starts)({ _id: 'reg:e1:u', eventId: 'e1', eventStartKey: '00000000zreg:e1:u' })).toBeNull()
    expect(signUpKey(new Map([['e1', 36]]))({ _id: 'reg:e1:u', eventId: 'e1', eventStartKey: '00000000zreg:e1:u' })).toEqual({ eventStartKey: '000000010reg:e1:u' })
    expect(signUpKey(starts)({ _id: 'reg:gone:u', eventId: 'gone' })).toBeNull()
  })

  it('an order gets its tab, its 单号 and the name staff search it by; one that has them is left alone', () => {
    const { no, stage, whoKey, ...old } = anOrder({ _id: 'o00000000001abc123', status: 'done', contactName: '王秀英' })
    void [no, stage, whoKey]
    expect(staffKeys(old)).toEqual({ no: 'ABC123', stage: 'to_confirm', whoKey: '王秀英|o00000000001abc123' })
    expect(staffKeys({ ...old, servedName: '李大爷', contactName: '张楼长' })).toMatchObject({ whoKey: '李大爷|o00000000001abc123' })
    expect(staffKeys(anOrder({ status: 'cancelled' }))).toBeNull()
    expect(staffKeys({ ...anOrder(), stage: 'to_accept' })).toEqual(expect.objectContaining({ stage: 'to_dispatch' }))
  })

  it('an order gets its source from its first timeline line; one that has it is left alone', () => {
    const line = (note: string | null) => [{ seq: 1, at: 0, by: 'x', actor: 'owner', event: 'CREATE', from: null, to: 'submitted', note }]
    expect(orderSource({ _id: 'o1', proxy: false, timeline: line(null) })).toEqual({ source: 'self' })
    expect(orderSource({ _id: 'o1', proxy: true, timeline: line('楼栋长 赵德福 代 李奶奶 提交了需求') })).toEqual({ source: 'lead' })
    expect(orderSource({ _id: 'o1', proxy: true, timeline: line('网格员 张 代 李奶奶 提交了需求') })).toEqual({ source: 'staff' })
    expect(orderSource({ _id: 'o1', proxy: true, source: 'visit_day', timeline: line(null) })).toBeNull()
  })

  it('an order gets the facts the KPIs count, as it would be written with now; one that has them is left alone', () => {
    const served = anOrder({ createdAt: 0, status: 'confirmed', rating: { stars: 5, comment: '', at: 5, by: 'r' }, timeline: [
      { seq: 1, at: 0, by: 'r', actor: 'owner', event: 'CREATE', from: null, to: 'submitted', note: null },
      { seq: 2, at: 3_600_000, by: 's', actor: 'staff', event: 'PUBLISH', from: 'submitted', to: 'open', note: null },
      { seq: 3, at: 7_200_000, by: 'v', actor: 'candidate', event: 'ACCEPT', from: 'open', to: 'accepted', note: null },
      { seq: 4, at: 9_000_000, by: 'v', actor: 'volunteer', event: 'REPORT_DONE', from: 'accepted', to: 'done', note: null },
      { seq: 5, at: 9_500_000, by: 'r', actor: 'owner', event: 'CONFIRM', from: 'done', to: 'confirmed', note: null },
    ] })
    const { facts, ...old } = served
    void facts
    const patch = orderFacts(old)
    expect(patch).toEqual({ facts: packFacts(storedFactsOf(served)) })
    expect(unpackFacts(patch!.facts)).toMatchObject({ status: 'confirmed', response: 3_600_000, toFinish: 9_000_000, solved: true, stars: 5, accepts: 1 })
    expect(orderFacts(served)).toBeNull()
  })

  it('says in one line what ran and what it wrote', () => {
    const line = describeMigrations({ ran: [{ id: '001-street-hierarchy', changed: { users: 3, orders: 2 }, ms: 40 }, { id: '002-paging-keys', changed: {}, ms: 5 }], before: [], ms: 50 })
    expect(line).toBe('migrations: ran 001-street-hierarchy (users 3, orders 2; 40 ms), 002-paging-keys (nothing to change; 5 ms) — 50 ms')
    expect(describeMigrations({ ran: [], before: ['001-street-hierarchy'], ms: 2 })).toBe('migrations: none to run; applied before: 001-street-hierarchy — 2 ms')
  })
})
