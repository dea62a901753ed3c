/**
 * Home in the mini-program: 消息 with its unread count, the order waiting for confirmation before
 * the entries; both open what they say, and the count is gone once the messages are read.
 */
import { randomUUID } from 'node:crypto'
import { PERSONAS } from '../../core/demo/personas'
import { orders } from '../../core/orders/contract'
import { users } from '../../core/users/contract'
import { clientFor } from '../support/call'
import { useHosts } from './support/hosts'

const open = useHosts()
const cloud = () => clientFor(process.env.WEAPP_CLOUD_URL!)

test('the unread count and the order to confirm; reading the messages clears the count when home shows again', async () => {
  const openid = `weapp-home-${randomUUID()}`
  await cloud().okAs(openid, users.updateProfile, { name: '首页居民', phone: '13712340007', buildingId: 'b3', unitId: 'b3-1', room: '101' })
  const o = await cloud().okAs(openid, orders.create, { category: 'repair_pipe', description: '厨房下水道堵了' })
  await cloud().okAs(PERSONAS.staffZhang.openid, orders.publish, { orderId: o._id, points: 10 })
  await cloud().okAs(PERSONAS.volunteerLi.openid, orders.accept, { orderId: o._id })
  await cloud().okAs(PERSONAS.volunteerLi.openid, orders.reportDone, { orderId: o._id, note: '疏通好了' })
  const { unread } = await cloud().okAs(openid, users.home, {})

  const h = await open(openid)
  const home = await h.reLaunch('/pages/home/index')
  await home.waitForTestId('unread-count')
  expect(home.textOf('unread-count')).toBe(`${unread}条未读`)
  expect(home.textOf(`todo-confirm-${o._id}`)).toContain('已做完，请您确认')

  await home.tap(`todo-confirm-${o._id}`)
  const detail = await home.waitFor(() => h.page.route === 'pages/order/detail/index' && h.page, 'the order')
  await detail.waitForTestId('confirm-form')
  await h.back(1)
  await h.page.tap('home-inbox')
  const inbox = await home.waitFor(() => h.page.route === 'pages/inbox/index' && h.page, 'the inbox')
  await inbox.tap('mark-all-read')
  await h.settle()
  await h.back(1)
  await h.page.waitFor(() => !h.page.find('unread-count'), 'the count gone')
  expect(h.page.route).toBe('pages/home/index')
})
