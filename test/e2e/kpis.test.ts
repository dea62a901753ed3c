/**
 * 三率和数字 in Chromium: the 网格员 opens the dashboard from home (the figures the function gives, as
 * cards, chart, table), taps 解决率 to see the orders behind it, exports the orders as CSV (parsed
 * with an RFC 4180 parser: the phones masked); the same dashboard in 大字模式; a resident's 回访
 * answer moves their order from 解决 to 回访没解决 on the 网格员's dashboard. Screenshots:
 * test-artifacts/e2e/kpis-*.png
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import { parse } from 'csv-parse/sync'
import { PERSONAS } from '../../core/demo/personas'
import { kpisFn } from '../../core/kpis/contract'
import { orders } from '../../core/orders/contract'
import { users } from '../../core/users/contract'
import { phone, shot, useBrowser } from './support/browser'
import { actAs, byTestId, e2eCloud, expectText, fontSize, modalButton, openPage, pickPersona, settled, tapButton, vis } from './support/app'
import { askedOrder } from './support/orders'
import { shiftMonth } from '../../core/kpis/vocab'

const browser = useBrowser()
const ZHANG = PERSONAS.staffZhang.openid

test('the 网格员\'s dashboard: 三率 with n, the orders behind a figure, the CSV of the month\'s orders', async () => {
  const cloud = e2eCloud()
  // the month so far: one served and rated, one waiting for the 网格员
  const wang = PERSONAS.residentWang.openid
  const served = await cloud.okAs(wang, orders.create, { category: 'repair_pipe', description: '厨房下水道堵了' })
  await cloud.okAs(ZHANG, orders.publish, { orderId: served._id, points: 5 })
  await cloud.okAs(PERSONAS.volunteerLi.openid, orders.accept, { orderId: served._id })
  await cloud.okAs(PERSONAS.volunteerLi.openid, orders.reportDone, { orderId: served._id, note: '疏通好了' })
  await cloud.okAs(wang, orders.confirm, { orderId: served._id, stars: 5 })
  await cloud.okAs(wang, orders.create, { category: 'repair_water_electric', description: '楼道灯不亮了，晚上看不见' })
  await cloud.okAs(PERSONAS.admin.openid, kpisFn.aggregate, {})
  const want = await cloud.okAs(ZHANG, kpisFn.dashboard, {})
  expect(want.totals.collected).toBeGreaterThan(0)

  const { page } = await phone(browser())
  await pickPersona(page, ZHANG)
  await byTestId(page, 'entry-kpis').click()
  const pct = (r: { value: number | null }) => (r.value === null ? '—' : `${Math.round(r.value * 100)}%`)
  await expectText(byTestId(page, 'kpi-solve-value'), pct(want.totals.solveRate))
  await expectText(byTestId(page, 'kpi-solve'), `收集 ${want.totals.collected} 件，解决 ${want.totals.solved} 件`)
  await expectText(byTestId(page, 'kpi-response-value'), pct(want.totals.responseRate))
  await expectText(byTestId(page, 'kpi-satisfaction-value'), pct(want.totals.satisfaction))
  const last = want.months.at(-1)!
  await expectText(byTestId(page, `month-${last.month}`), `${last.collected}/${last.solved}`)
  await byTestId(page, 'kpi-categories').waitFor()
  await shot(page, 'kpis-01-dashboard')

  // 解决率 → the orders behind it: as many as it says
  await byTestId(page, 'kpi-solve').click()
  await expectText(byTestId(page, 'kpi-orders-title'), '「解决」的单子')
  const behind = await cloud.okAs(ZHANG, kpisFn.orders, { figure: 'solved', limit: 50 })
  if (behind.items.length) await byTestId(page, `order-${behind.items[0]._id}`).waitFor()
  else await page.getByText('没有这样的单子').waitFor()
  await shot(page, 'kpis-02-orders-behind')
  await page.goBack()

  // the month's orders as CSV: one row per order, the phones masked
  const [download] = await Promise.all([page.waitForEvent('download'), tapButton(byTestId(page, 'csv-orders'), '导出本月单子明细')])
  expect(download.suggestedFilename()).toMatch(/^单子明细-全部-\d{4}年\d{1,2}月\.csv$/)
  const rows = parse(fs.readFileSync((await download.path())!, 'utf8'), { bom: true }) as string[][]
  expect(rows[0]).toContain('联系电话')
  expect(rows.length - 1).toBe(want.totals.collected)
  const phones = rows.slice(1).map((r) => r[rows[0].indexOf('联系电话')])
  expect(phones.every((p) => /^\d{3}\*{4}\d{4}$/.test(p))).toBe(true)
  await expectText(byTestId(page, 'csv-orders-note'), '已下载')

  // 大字模式: the same figures, larger
  const normal = await fontSize(byTestId(page, 'kpi-solve-value'))
  await openPage(page, '/pages/home/index')
  await vis(page, 'large-text-switch').click()
  await openPage(page, '/staff/pages/kpis/index')
  await expectText(vis(page, 'kpi-solve-value'), pct(want.totals.solveRate))
  expect(await fontSize(vis(page, 'kpi-solve-value'))).toBeGreaterThan(normal)
  await shot(page, 'kpis-03-dashboard-large')
})

test('the street admin sees every community of the street, ranked only with enough orders', async () => {
  const { page } = await phone(browser())
  await pickPersona(page, PERSONAS.streetAdmin.openid)
  await byTestId(page, 'entry-street-kpis').click()
  await byTestId(page, 'kpi-units').waitFor()
  const want = await e2eCloud().okAs(PERSONAS.streetAdmin.openid, kpisFn.dashboard, {})
  expect(want.level).toBe('street')
  for (const u of want.units) await expectText(byTestId(page, `kpi-unit-${u.id}`), u.name)
  await shot(page, 'kpis-04-street')
})

test('the admin freezes last month as 报送版 after a confirmation; it then says so', async () => {
  const { page } = await phone(browser())
  await pickPersona(page, PERSONAS.admin.openid)
  await byTestId(page, 'entry-kpis').click()
  await vis(page, 'month-prev').click()
  await tapButton(vis(page, 'kpi-freeze'), '定为报送版')
  await modalButton(page, '定版').click()
  await expectText(vis(page, 'kpi-frozen'), '已定为报送版')
  const last = await e2eCloud().okAs(PERSONAS.admin.openid, kpisFn.report, { month: shiftMonth((await e2eCloud().okAs(PERSONAS.admin.openid, kpisFn.dashboard, {})).month, -1) })
  expect(last).toMatchObject({ level: 'community', definitionsVersion: 1 })
  await shot(page, 'kpis-05-frozen')
})

test('a resident answers the 回访 没解决: on the 网格员\'s dashboard the order leaves 解决 and is under 回访没解决', async () => {
  const cloud = e2eCloud()
  const openid = `e2e-kpi-check-${randomUUID()}`
  await cloud.okAs(openid, users.updateProfile, { name: '回访居民', phone: '13712340019', buildingId: 'b3', unitId: 'b3-1', room: '102' })
  const id = await askedOrder(openid, '阳台水管一直滴水')
  const solvedIds = async () => (await cloud.okAs(ZHANG, kpisFn.orders, { figure: 'solved', limit: 50 })).items.map((o) => o._id)
  expect(await solvedIds()).toContain(id)
  const before = await cloud.okAs(ZHANG, kpisFn.dashboard, {})

  // the 网格员 sees the order under 解决
  const staff = (await phone(browser())).page
  await pickPersona(staff, ZHANG)
  await byTestId(staff, 'entry-kpis').click()
  await expectText(vis(staff, 'kpi-check'), `回访：${before.totals.residentSolved.den} 人作答`)
  await vis(staff, 'kpi-solve').click()
  await byTestId(staff, `order-${id}`).waitFor()
  await staff.goBack()

  // the resident says 没解决 (and confirms: the order reopens)
  const resident = (await phone(browser())).page
  await actAs(resident, openid)
  await openPage(resident, `/pages/order/detail/index?id=${id}`)
  await tapButton(vis(resident, 'check-card'), '没解决')
  await modalButton(resident, '没解决').click()
  await expectText(vis(resident, 'order-check'), '回访：没解决')

  // the dashboard again: one answer more, one solved fewer (other tests may add theirs), the order behind 回访没解决
  const after = await cloud.okAs(ZHANG, kpisFn.dashboard, {})
  expect(after.totals.residentSolved.den).toBeGreaterThan(before.totals.residentSolved.den)
  expect(await solvedIds()).not.toContain(id)
  await staff.reload()
  await expectText(vis(staff, 'kpi-solve'), `收集 ${after.totals.collected} 件，解决 ${after.totals.solved} 件`)
  await expectText(vis(staff, 'kpi-check'), `回访：${after.totals.residentSolved.den} 人作答，说已解决 ${after.totals.residentSolved.num} 人`)
  await vis(staff, 'kpi-check').click()
  await expectText(vis(staff, 'kpi-orders-title'), '「回访没解决」的单子')
  await vis(staff, `order-${id}`).waitFor()
  await settled(staff)
  await shot(staff, 'kpis-06-check-not-solved')
})
