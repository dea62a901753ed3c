/** The SLA is configurable: admins set it (settings/orders_sla), staff read it, new stage deadlines follow it. */
import { orders } from '../../core/orders/contract'
import { DEFAULT_SLA } from '../../core/orders/sla'
import { callAs, sdkDb } from '../support/call'
import { ensureLedgerCollections, newOrder, okAs, P, rawOrder, TEST_SLA } from './orders-support'

const H = 3_600_000

beforeAll(() => ensureLedgerCollections())

it('admin sets the SLA; staff read it; a new 家政 urgent order is due for triage in the configured 5 hours', async () => {
  const set = await okAs(P.admin, orders.setSla, TEST_SLA)
  expect(set).toMatchObject({ byUrgency: TEST_SLA.byUrgency, updatedBy: P.admin })
  expect(await okAs(P.zhang, orders.sla, {})).toMatchObject({ byCategory: { housekeeping: { urgent: { triage: 5 } } }, updatedBy: P.admin })
  const stored = await sdkDb().collection('settings').doc('orders_sla:xingfuli').get()
  expect(stored.data.byCategory.housekeeping).toEqual({ urgent: { triage: 5 } })

  const o = await newOrder(P.wang, { category: 'housekeeping', urgency: 'urgent' })
  expect((await rawOrder(o._id)).dueAt).toBe(o.createdAt + 5 * H)
  // other categories keep the urgency default (urgent: triage within 1 hour)
  const other = await newOrder(P.wang, { category: 'repair_pipe', urgency: 'urgent' })
  expect((await rawOrder(other._id)).dueAt).toBe(other.createdAt + DEFAULT_SLA.byUrgency.urgent.triage * H)
  // the next stage's clock comes from the same setting (accept: urgent default 2 hours)
  await okAs(P.zhang, orders.publish, { orderId: o._id })
  const published = await rawOrder(o._id)
  expect(published.dueAt).toBe((published.stageSince as number) + DEFAULT_SLA.byUrgency.urgent.accept * H)
})

it('only admins may change it; nonsense hours are refused and change nothing', async () => {
  await okAs(P.admin, orders.setSla, TEST_SLA)
  expect(await callAs(P.zhang, orders.setSla, TEST_SLA)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const bad = [
    { ...TEST_SLA, byUrgency: { ...TEST_SLA.byUrgency, urgent: { triage: 0, accept: 2, serve: 24 } } },
    { ...TEST_SLA, byUrgency: { ...TEST_SLA.byUrgency, normal: { triage: 24, accept: 1000, serve: 72 } } },
    { ...TEST_SLA, byUrgency: { ...TEST_SLA.byUrgency, normal: { triage: 1.5, accept: 48, serve: 72 } } },
    { ...TEST_SLA, byCategory: { spaceship: { urgent: { triage: 2 } } } },
    { byCategory: {} },
  ]
  for (const input of bad) expect(await callAs(P.admin, orders.setSla, input as never)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect(await okAs(P.zhang, orders.sla, {})).toMatchObject({ byUrgency: TEST_SLA.byUrgency })
})
