/**
 * The app's query cache in the mini-program: a list keeps its loaded pages when you come back
 * (refreshed in one call behind them), pull-down refreshes what the page shows, a failed refresh
 * keeps the data on screen, and the profile is fetched once for the pages that all read it.
 */
import { randomUUID } from 'node:crypto'
import { orders } from '../../core/orders/contract'
import { users } from '../../core/users/contract'
import { clientFor } from '../support/call'
import type { WeappHost } from './support/host'
import { useHosts } from './support/hosts'

const cloud = () => clientFor(process.env.WEAPP_CLOUD_URL!)
const open = useHosts()

const callsTo = (h: WeappHost, action: string) => h.fake.calls.filter((c) => c.api === 'cloud.callFunction' && (c.args as { data: { action: string } }).data.action === action)
const cardsIn = (h: WeappHost) => h.page.text().match(/灯不亮了/g)?.length ?? 0

/** A resident of her own with 25 orders: two pages of 20. */
async function residentWith25Orders(): Promise<string> {
  const openid = `weapp-cache-${randomUUID()}`
  await cloud().okAs(openid, users.updateProfile, { name: '列表居民', phone: '13712340001', buildingId: 'b3', unitId: 'b3-1', room: '101' })
  for (let i = 0; i < 25; i++) await cloud().okAs(openid, orders.create, { category: 'repair_water_electric', description: `第${i + 1}件：灯不亮了` })
  return openid
}

test('coming back from an order shows every loaded page at once and refreshes them in one call; pull-down refreshes; a failed refresh keeps the list', async () => {
  const h = await open(await residentWith25Orders())
  const list = await h.reLaunch('/pages/order/list/index')
  await list.waitForText('第25件')
  await list.tapText('加载更多')
  await list.waitForText('第1件：')
  expect(cardsIn(h)).toBe(25)

  await list.tap(String(list.find('my-orders')!.childNodes![0].dataset!.testid))
  const detail = await list.waitFor(() => h.page.route === 'pages/order/detail/index' && h.page, 'the order detail')
  await detail.waitForText('灯不亮了')
  const before = callsTo(h, 'mine').length
  await h.back(1)
  // the list is there the moment it shows again, all 25, before any answer came back
  expect(h.page.route).toBe('pages/order/list/index')
  expect(cardsIn(h)).toBe(25)
  await h.settle()
  expect(callsTo(h, 'mine')).toHaveLength(before + 1)
  expect(callsTo(h, 'mine').at(-1)!.args).toMatchObject({ data: { data: { limit: 25 } } })
  expect(cardsIn(h)).toBe(25)

  // pull down: refetched, and the spinner stopped
  list.pullDown()
  await list.waitFor(() => callsTo(h, 'mine').length === before + 2, 'the pull-down refresh')
  await list.waitFor(() => h.fake.calls.some((c) => c.api === 'stopPullDownRefresh'), 'stopPullDownRefresh')

  // no signal: the refresh fails, the 25 stay and the failure is said above them
  h.fake.script.offline = true
  list.pullDown()
  // read once drawn: the element exists in Taro's tree a moment before the engine renders it
  await list.waitForTestId('refresh-error')
  await list.waitFor(() => list.textOf('refresh-error').includes('网络不太好'), 'the refresh error drawn')
  expect(cardsIn(h)).toBe(25)
})

test('the profile is fetched once for home, 我的 and the order form, and again after the person changes it', async () => {
  const h = await open('demo-resident-wang')
  const home = await h.reLaunch('/pages/home/index')
  await home.waitForText('王秀英，您好')
  await home.tap('entry-me')
  const me = await home.waitFor(() => h.page.route === 'pages/me/index' && h.page, '我的')
  await me.waitForTestId('profile-form')
  await h.back(1)
  await home.tap('entry-order')
  await home.waitFor(() => h.page.route === 'pages/order/new/index' && h.page, 'the order form')
  await h.settle()
  expect(callsTo(h, 'me')).toHaveLength(1)

  // a change the person makes: every read is stale, the page on screen refetches its profile
  await h.back(1)
  await home.tap('entry-me')
  const again = await home.waitFor(() => h.page.route === 'pages/me/index' && h.page, '我的')
  await again.tapText('保存', 'profile-form')
  await again.waitForTestId('profile-saved')
  await h.settle()
  expect(callsTo(h, 'me')).toHaveLength(2)
})
