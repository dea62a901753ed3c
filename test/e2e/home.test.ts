/** Home in Chromium: 消息 with its unread count, and what waits for the person first. */
import { randomUUID } from 'node:crypto'
import { PERSONAS } from '../../core/demo/personas'
import { orders } from '../../core/orders/contract'
import { users } from '../../core/users/contract'
import { phone, shot, useBrowser } from './support/browser'
import { actAs, e2eCloud, settled, vis } from './support/app'

const browser = useBrowser()

test('home shows the unread count and the order waiting for confirmation; both open what they say', async () => {
  const cloud = e2eCloud()
  const openid = `e2e-home-${randomUUID()}`
  await cloud.okAs(openid, users.updateProfile, { name: '首页居民', phone: '13712340004', buildingId: 'b3', unitId: 'b3-1', room: '101' })
  const o = await cloud.okAs(openid, orders.create, { category: 'repair_pipe', description: '厨房下水道堵了' })
  await cloud.okAs(PERSONAS.staffZhang.openid, orders.publish, { orderId: o._id, points: 10 })
  await cloud.okAs(PERSONAS.volunteerLi.openid, orders.accept, { orderId: o._id })
  await cloud.okAs(PERSONAS.volunteerLi.openid, orders.reportDone, { orderId: o._id, note: '疏通好了' })
  const { unread } = await cloud.okAs(openid, users.home, {})
  expect(unread).toBeGreaterThanOrEqual(2)

  const { page } = await phone(browser())
  await actAs(page, openid)
  await vis(page, 'unread-count').waitFor()
  expect(await vis(page, 'unread-count').textContent()).toBe(`${unread}条未读`)
  const todo = vis(page, `todo-confirm-${o._id}`)
  expect(await todo.textContent()).toContain('「维修 · 管道疏通」已做完，请您确认')
  // what waits comes before the entries
  const [todoBox, entriesBox] = await Promise.all([todo.boundingBox(), vis(page, 'entries').boundingBox()])
  expect(todoBox!.y).toBeLessThan(entriesBox!.y)
  await shot(page, 'home-01-waiting')

  await todo.click()
  await vis(page, 'confirm-form').waitFor()
  await settled(page)
  await page.goBack()
  await vis(page, 'home-inbox').click()
  await vis(page, 'notices').waitFor()
  await vis(page, 'mark-all-read').click()
  await settled(page)
  await page.goBack()
  // read: the count is gone once home shows again
  await vis(page, 'home-inbox').waitFor()
  await vis(page, 'unread-count').waitFor({ state: 'detached', timeout: 10_000 })
})
