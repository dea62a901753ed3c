/**
 * Staff tools around orders in Chromium: 超时时限 (admin edits, 网格员 reads), and reassigning a held
 * order to a volunteer found by name. Screenshots: test-artifacts/e2e/order-staff-*.png
 */
import { PERSONAS } from '../../core/demo/personas'
import { orders } from '../../core/orders/contract'
import { clientFor } from '../support/call'
import { phone, shot, useBrowser } from './support/browser'
import { byTestId, openPage, pickPersona, tapButton, expectText } from './support/app'

const browser = useBrowser()
const HUANG = { openid: 'demo-r-04', name: '黄志明' } // approved volunteer of 2号楼 (g1)

test('超时时限: the admin changes urgent triage to 3 hours; the 网格员 sees it read-only', async () => {
  const admin = (await phone(browser())).page
  await pickPersona(admin, PERSONAS.admin.openid)
  await openPage(admin, '/staff/pages/sla/index')
  const triage = byTestId(admin, 'sla-urgent-triage').locator('input')
  await triage.fill('3')
  await tapButton(admin, '保存')
  await admin.waitForFunction(() => document.querySelector('[data-testid="sla-form"]')?.textContent?.includes('上次修改'))
  await shot(admin, 'order-staff-01-sla-admin')

  const zhang = (await phone(browser())).page
  await pickPersona(zhang, PERSONAS.staffZhang.openid)
  await byTestId(zhang, 'entry-dispatch').click()
  await byTestId(zhang, 'to-sla').click()
  const seen = byTestId(zhang, 'sla-urgent-triage').locator('input')
  await seen.waitFor()
  expect(await seen.inputValue()).toBe('3')
  expect(await seen.isDisabled()).toBe(true)
  await expectText(byTestId(zhang, 'sla-form'), '只有管理员可以修改')
  await shot(zhang, 'order-staff-02-sla-staff')
  // back to the default so other files see the usual clocks
  const cloud = clientFor(process.env.E2E_CLOUD_URL!)
  const now = await cloud.okAs(PERSONAS.admin.openid, orders.sla, {})
  expect(now.byUrgency.urgent.triage).toBe(3)
  await cloud.okAs(PERSONAS.admin.openid, orders.setSla, { byUrgency: { ...now.byUrgency, urgent: { ...now.byUrgency.urgent, triage: 1 } }, byCategory: now.byCategory })
})

test('a held order is reassigned to a volunteer found by name', async () => {
  const cloud = clientFor(process.env.E2E_CLOUD_URL!)
  const o = await cloud.okAs(PERSONAS.residentWang.openid, orders.create, { category: 'repair_pipe', description: '卫生间地漏堵了' })
  await cloud.okAs(PERSONAS.staffZhang.openid, orders.publish, { orderId: o._id })
  await cloud.okAs(PERSONAS.volunteerLi.openid, orders.accept, { orderId: o._id })

  const zhang = (await phone(browser())).page
  await pickPersona(zhang, PERSONAS.staffZhang.openid)
  await openPage(zhang, `/staff/pages/triage-order/index?id=${o._id}`)
  await byTestId(zhang, 'reassign').waitFor()
  await byTestId(zhang, 'reassign-to').getByText('改派给一位志愿者', { exact: true }).click()
  await byTestId(zhang, 'reassign-picker-search').locator('input').fill(HUANG.name)
  await byTestId(zhang, 'reassign-picker-go').click()
  await byTestId(zhang, 'reassign-picker-list').getByText(HUANG.name, { exact: false }).click()
  await byTestId(zhang, 'reassign-form').locator('textarea').fill('李师傅这周出差')
  await shot(zhang, 'order-staff-03-reassign')
  await byTestId(zhang, 'reassign-form').locator('.big-btn').click()
  await zhang.waitForFunction(() => document.querySelector('[data-testid="order-status"]')?.textContent === '待接单')
  await expectText(byTestId(zhang, 'timeline'), '李师傅这周出差')

  // only 黄志明 may take it now
  expect(await cloud.callAs(PERSONAS.volunteerLi.openid, orders.accept, { orderId: o._id })).toMatchObject({ ok: false })
  expect((await cloud.okAs(HUANG.openid, orders.accept, { orderId: o._id })).volunteerName).toBe(HUANG.name)
})
