/**
 * Lists remember (the app's query cache, in Chromium): back from an order, the list still has every
 * page loaded and the same scroll position, refreshed behind it in one call.
 */
import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { orders } from '../../core/orders/contract'
import { users } from '../../core/users/contract'
import { phone, useBrowser } from './support/browser'
import { actAs, e2eCloud, openPage, settled, vis } from './support/app'

const browser = useBrowser()

/** The scroll position of the page on screen (Taro H5 scrolls each page in its own .taro_page). */
const scrollTop = (page: Page) => page.locator('.taro_page.taro_page_show').evaluate((el) => el.scrollTop)
const cards = (page: Page) => page.locator('[data-testid="my-orders"]:visible [data-testid^="order-"]')

test('back from an order detail, the list keeps its 25 loaded orders and the scroll position', async () => {
  const openid = `e2e-lists-${randomUUID()}`
  await e2eCloud().okAs(openid, users.updateProfile, { name: '列表居民', phone: '13712340002', buildingId: 'b3', unitId: 'b3-1', room: '101' })
  // cancelled at once: the list shows them all the same, and they stay out of staff queues other tests read
  for (let i = 0; i < 25; i++) {
    const o = await e2eCloud().okAs(openid, orders.create, { category: 'repair_water_electric', description: `第${i + 1}件：灯不亮了` })
    await e2eCloud().okAs(openid, orders.cancel, { orderId: o._id })
  }

  const { page } = await phone(browser())
  await actAs(page, openid)
  await openPage(page, '/pages/order/list/index')
  await cards(page).nth(19).waitFor()
  await vis(page, 'load-more').click()
  await cards(page).nth(24).waitFor()

  // scroll down to the 22nd, open it
  const target = cards(page).nth(21)
  await target.scrollIntoViewIfNeeded()
  const scrolled = await scrollTop(page)
  expect(scrolled).toBeGreaterThan(1000)
  const listCalls: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('/dev/call') && r.postData()?.includes('"mine"')) listCalls.push(r.postData()!)
  })
  await target.click()
  await vis(page, 'order-status').waitFor()
  expect(await vis(page, 'order-facts').textContent()).toContain('第4件')

  await settled(page)
  await page.goBack()
  await cards(page).nth(24).waitFor()
  expect(await cards(page).count()).toBe(25)
  expect(await scrollTop(page)).toBe(scrolled)
  // one refresh for all 25, and after it the same 25 and the same place
  await page.waitForLoadState('networkidle')
  expect(listCalls).toHaveLength(1)
  expect(JSON.parse(listCalls[0]).data.data).toMatchObject({ limit: 25 })
  expect(await cards(page).count()).toBe(25)
  expect(await scrollTop(page)).toBe(scrolled)
})
