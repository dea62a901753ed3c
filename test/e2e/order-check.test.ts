/**
 * 回访 in Chromium: three days after the work was done the timer asks; the resident opens the notice
 * in 大字模式, lands on the order and taps 已解决 (big buttons); 没解决 first says what will happen
 * (reopened, back to the 网格员). Screenshots: test-artifacts/e2e/check-*.png
 */
import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { orders } from '../../core/orders/contract'
import { users } from '../../core/users/contract'
import { phone, shot, useBrowser } from './support/browser'
import { actAs, e2eCloud, expectText, modalButton, openPage, settled, smallTargets, tapButton, vis } from './support/app'
import { askedOrder } from './support/orders'

const browser = useBrowser()
const cloud = () => e2eCloud()

async function residentInLargeText(): Promise<{ page: Page; openid: string }> {
  const openid = `e2e-check-${randomUUID()}`
  await cloud().okAs(openid, users.updateProfile, { name: '回访居民', phone: '13712340009', buildingId: 'b3', unitId: 'b3-1', room: '101' })
  const { page } = await phone(browser())
  await actAs(page, openid)
  await page.evaluate(() => localStorage.setItem('linli.largeText', JSON.stringify({ data: true })))
  await page.reload()
  await vis(page, 'greeting').waitFor()
  return { page, openid }
}

test('a resident opens the 回访 notice and taps 已解决: the answer is stored and shown', async () => {
  const { page, openid } = await residentInLargeText()
  const id = await askedOrder(openid, '厨房下水道堵了，水下不去')

  await vis(page, 'home-inbox').click()
  const notice = vis(page, 'notice-check')
  await expectText(notice, '回访：您的事情解决了吗？')
  await settled(page)
  await shot(page, 'check-01-inbox')

  await notice.click()
  const card = vis(page, 'check-card')
  await card.waitFor()
  expect(page.url()).toContain(`pages/order/detail/index?id=${id}`)
  await expectText(card, '回访：这件事解决了吗？')
  // three big buttons, 52 px and more in 大字模式
  const buttons = card.locator('.big-btn')
  expect(await buttons.allTextContents()).toEqual(['已解决', '部分解决', '没解决'])
  expect(await smallTargets(buttons, 52)).toEqual([])
  await settled(page)
  await shot(page, 'check-02-card')

  await tapButton(card, '已解决')
  await card.waitFor({ state: 'detached' })
  await expectText(vis(page, 'order-check'), '回访：已解决')
  await expectText(vis(page, 'timeline'), '回访答复')
  await settled(page)
  await shot(page, 'check-03-answered')
  const stored = await cloud().okAs(openid, orders.get, { orderId: id })
  expect(stored.check).toMatchObject({ answer: 'solved', by: openid })
  // the question is settled: no unread 回访 left in the inbox
  const box = await cloud().okAs(openid, orders.inbox, { limit: 50 })
  expect(box.items.filter((n) => n.kind === 'check').map((n) => n.read)).toEqual([true])
})

test('没解决 asks first, saying the order will be reopened; 再想想 changes nothing; confirmed, it goes back to the 网格员', async () => {
  const { page, openid } = await residentInLargeText()
  const id = await askedOrder(openid, '卫生间地漏又堵了')
  await openPage(page, `/pages/order/detail/index?id=${id}`)
  const card = vis(page, 'check-card')
  await card.waitFor()

  await tapButton(card, '没解决')
  await page.getByText('单子会重新打开，回到网格员那里重新安排。').waitFor()
  await shot(page, 'check-04-not-solved-ask', false)
  await modalButton(page, '再想想').click()
  expect((await cloud().okAs(openid, orders.get, { orderId: id })).check?.answer).toBeNull()

  await tapButton(card, '没解决')
  await modalButton(page, '没解决').click()
  await page.waitForFunction(() => document.querySelector('.taro_page_show [data-testid="order-status"]')?.textContent === '待分派')
  await expectText(vis(page, 'order-check'), '回访：没解决')
  await settled(page)
  await shot(page, 'check-05-reopened')
  expect(await cloud().okAs(openid, orders.get, { orderId: id })).toMatchObject({ status: 'submitted', reopenCount: 1, check: { answer: 'not' } })
})
