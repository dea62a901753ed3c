/**
 * No dead ends in Chromium: a cancelled order leaves no empty card; an address no page answers and
 * an order id that cannot be one each say so plainly and lead home.
 * Screenshots: test-artifacts/e2e/way-home-*.png
 */
import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { orders } from '../../core/orders/contract'
import { users } from '../../core/users/contract'
import { phone, shot, useBrowser } from './support/browser'
import { actAs, e2eCloud, expectText, modalButton, openPage, SHOWN, settled, tapButton, vis } from './support/app'

const browser = useBrowser()

/** Cards on the page on screen with no text at all (a white box). */
const emptyCards = (page: Page) =>
  page.locator(`${SHOWN} .card`).evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null && !(el.textContent ?? '').trim()).length)

async function resident(): Promise<{ page: Page; openid: string }> {
  const openid = `e2e-home-${randomUUID()}`
  await e2eCloud().okAs(openid, users.updateProfile, { name: '回家居民', phone: '13712340003', buildingId: 'b3', unitId: 'b3-1', room: '101' })
  const { page } = await phone(browser())
  await actAs(page, openid)
  return { page, openid }
}

/** The plain not-found view is on screen, and its button leads home. */
async function leadsHome(page: Page, title: string) {
  await expectText(vis(page, 'not-found'), title)
  await tapButton(vis(page, 'not-found'), '回到首页')
  await vis(page, 'greeting').waitFor()
}

test('cancelling an order on its page leaves no empty card there or in 我的单子', async () => {
  const { page, openid } = await resident()
  const o = await e2eCloud().okAs(openid, orders.create, { category: 'repair_pipe', description: '厨房水龙头一直滴水' })
  await openPage(page, `/pages/order/detail/index?id=${o._id}`)
  await tapButton(vis(page, 'cancel-form'), '取消这张单子')
  await modalButton(page, '取消单子').click()
  await vis(page, 'cancel-form').waitFor({ state: 'detached' })
  await settled(page)
  expect((await e2eCloud().okAs(openid, orders.get, { orderId: o._id })).status).toBe('cancelled')
  expect(await vis(page, 'owner-actions').count()).toBe(0)
  expect(await emptyCards(page)).toBe(0)
  await shot(page, 'way-home-01-cancelled')
  await openPage(page, '/pages/order/list/index')
  await vis(page, `order-${o._id}`).waitFor()
  await settled(page)
  expect(await emptyCards(page)).toBe(0)
})

test('an unknown address says so and leads home', async () => {
  const { page } = await resident()
  await openPage(page, '/pages/no-such-page/index')
  await expectText(vis(page, 'not-found'), '没有找到这个页面')
  await shot(page, 'way-home-02-unknown-route')
  await leadsHome(page, '没有找到这个页面')
})

test('an order id that cannot be one, or is no one\'s, is "not found" with the way home (not 填写的内容有误)', async () => {
  const { page } = await resident()
  for (const id of ['emx8-not-an-order', 'o0000000000nobody']) {
    await openPage(page, `/pages/order/detail/index?id=${id}`)
    await expectText(vis(page, 'not-found'), '没有找到这张服务单')
    expect(await page.locator(`${SHOWN}`).innerText()).not.toContain('填写的内容有误')
  }
  await shot(page, 'way-home-03-bad-order-id')
  await leadsHome(page, '没有找到这张服务单')
})
