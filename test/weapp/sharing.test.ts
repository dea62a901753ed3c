/**
 * An event leaves the app and comes back: the share card a friend or a group sees, the poster code
 * on the notice board (scene → event page), and the CSV staff forward in a chat as a file.
 */
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { PERSONAS } from '../../core/demo/personas'
import { eventsFn } from '../../core/events/contract'
import { fromPicked, toPicked } from '../../core/events/times'
import { clientFor } from '../support/call'
import type { WeappHost } from './support/host'
import { useHosts } from './support/hosts'
import { USER_DATA_PATH } from './support/wx'

const open = useHosts()
const cloud = () => clientFor(process.env.WEAPP_CLOUD_URL!)
const STAFF = PERSONAS.staffZhang.openid
const callsOf = (h: WeappHost, api: string) => h.fake.calls.filter((c) => c.api === api).map((c) => c.args as Record<string, unknown>)

/** Next Tuesday 14:30 would do, but any day ahead shows the same: three days from now at 14:30 (China time). */
async function upcomingEvent(title: string) {
  const startAt = fromPicked({ date: toPicked(Date.now() + 3 * 86400e3).date, time: '14:30' })
  return cloud().okAs(STAFF, eventsFn.publish, { kind: 'clinic', title, place: '社区活动室', startAt, endAt: startAt + 2 * 3600e3, deadline: startAt, capacity: 20, points: 5, booths: [] })
}

test('the share card says what, when and where and opens the event; a poster code opens it too', async () => {
  const e = await upcomingEvent('重阳节义诊')
  const wang = await open(PERSONAS.residentWang.openid)
  const page = await wang.reLaunch(`/pages/events/detail/index?id=${e.id}`)
  await page.waitForText('重阳节义诊')
  expect(page.text()).toContain('转发给邻居或家人群')
  const card = wang.call(page.logic, 'onShareAppMessage', { from: 'menu' }) as { title: string; path: string }
  expect(card.title).toMatch(/^重阳节义诊｜\d{1,2}月\d{1,2}日 周[日一二三四五六] 14:30｜社区活动室$/)
  expect(card.path).toBe(`/pages/events/detail/index?id=${e.id}`)

  // from the notice board: WeChat opens the page with the code's scene, URL-encoded
  const scanned = await wang.reLaunch(`/pages/events/detail/index?scene=${encodeURIComponent(e.id)}`)
  await scanned.waitForTestId('seats-left')
  expect(scanned.text()).toContain('重阳节义诊')
})

test('staff open the poster: the code decodes to the event, and saving it asks for consent first', async () => {
  const e = await upcomingEvent('防汛演练')
  const zhang = await open(STAFF)
  const poster = await zhang.reLaunch(`/staff/pages/event-poster/index?id=${e.id}`)
  await poster.waitForTestId('poster-code')
  expect(poster.textOf('poster')).toContain('防汛演练')
  const url = String(poster.attrOf('poster-code', 'src') ?? poster.attrOf('poster-code', 'src', 'image'))
  const png = PNG.sync.read(Buffer.from(await (await fetch(url)).arrayBuffer()))
  expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(e.id)

  await poster.tapText('保存到手机相册')
  await poster.waitForTestId('privacy-prompt')
  await poster.tap('privacy-agree')
  await poster.waitForTestId('poster-note')
  expect(poster.textOf('poster-note')).toBe('已保存到相册，可以打印出来贴到公告栏')
  const [saved] = callsOf(zhang, 'saveImageToPhotosAlbum')
  expect(zhang.fake.file(String(saved.filePath))?.subarray(1, 4).toString()).toBe('PNG')
})

test('the attendance list goes to a chat as a CSV file named after the event and its day', async () => {
  const e = await upcomingEvent('议事会')
  const zhang = await open(STAFF)
  const page = await zhang.reLaunch(`/staff/pages/reconcile/index?id=${e.id}`)
  await page.waitForTestId('attendance-csv')
  await page.waitFor(() => page.text().includes('报名 0 人'), 'the attendance')

  zhang.fake.script.shareFile = 'cancel'
  await page.tapText('导出签到名单 CSV', 'attendance-csv')
  await zhang.settle()
  expect(page.find('attendance-csv-note')).toBeNull()

  zhang.fake.script.shareFile = 'send'
  await page.tapText('导出签到名单 CSV', 'attendance-csv')
  await page.waitForTestId('attendance-csv-note')
  const [m, d] = toPicked(e.startAt).date.split('-').slice(1).map(Number)
  const fileName = `签到-议事会-${m}月${d}日.csv`
  expect(page.textOf('attendance-csv-note')).toBe(`已发出「${fileName}」，在聊天里点开即可查看或转发`)
  expect(callsOf(zhang, 'shareFileMessage').at(-1)).toEqual({ filePath: `${USER_DATA_PATH}/${fileName}`, fileName })
  const csv = zhang.fake.file(`${USER_DATA_PATH}/${fileName}`)!.toString('utf8')
  expect(csv.startsWith('\ufeff')).toBe(true)
  expect(csv.split(/\r?\n/)[0]).toMatch(/姓名/)
  expect(callsOf(zhang, 'setClipboardData')).toEqual([])
})
