/**
 * The main journeys in the mini-program host, driven by taps through WeChat's component engine,
 * with the `wx` calls they make asserted with their arguments: a repair with a photo (privacy consent
 * → chooseMedia → upload → subscribe prompt → create → detail), the volunteer takes it, calls and
 * reports done, the resident confirms and rates; staff scan a check-in QR and a redemption QR; a
 * resident redeems and sees a QR a scanner can read; 大字模式 is remembered.
 */
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { PERSONAS } from '../../core/demo/personas'
import { eventsFn } from '../../core/events/contract'
import { pointsFn } from '../../core/points/contract'
import { users } from '../../core/users/contract'
import { clientFor } from '../support/call'
import type { WeappHost } from './support/host'
import type { PageHandle } from './support/page'
import { useHosts } from './support/hosts'

const CLOUD = () => process.env.WEAPP_CLOUD_URL!
const cloud = () => clientFor(CLOUD())
const open = useHosts()

/** A 1×1 PNG, the photo the resident picks. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64')
const callsOf = (h: WeappHost, api: string) => h.fake.calls.filter((c) => c.api === api).map((c) => c.args as Record<string, unknown>)

test('a repair with a photo → a volunteer takes it, calls, reports done → the resident confirms and rates', async () => {
  const wang = await open(PERSONAS.residentWang.openid)
  const home = await wang.reLaunch('/pages/home/index')
  await home.waitForText('王秀英，您好')
  await home.tap('entry-order')
  const form = wang.page
  expect(form.route).toBe('pages/order/new/index')
  await form.tapText('管道疏通', 'cat-repair')
  await form.input('order-desc', '厨房下水道堵了，水下不去')

  // the photo: WeChat asks for consent to the privacy guide first; the app's prompt shows, the resident agrees
  wang.fake.script.media = [wang.fake.addTempFile('pipe.png', PHOTO)]
  await form.tap('order-photos-add')
  await form.waitForTestId('privacy-prompt')
  await form.tap('privacy-agree')
  await form.waitFor(() => Number(form.find('order-photos')?.dataset?.count) === 1, 'the photo to be uploaded')
  expect(callsOf(wang, 'chooseMedia')).toEqual([expect.objectContaining({ count: 3, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })])
  // made smaller for the upload and the server's image check
  expect(callsOf(wang, 'compressImage')).toEqual([expect.objectContaining({ src: 'wxfile://tmp/pipe.png', compressedWidth: 750 })])
  expect(callsOf(wang, 'cloud.uploadFile')).toEqual([expect.objectContaining({ cloudPath: expect.stringMatching(/^orders\/.+\.jpg$/), filePath: 'wxfile://tmp/pipe-compressed.jpg' })])

  await form.tapText('提交')
  const detail = await form.waitFor(() => wang.page.route === 'pages/order/detail/index' && wang.page, 'the order detail')
  await detail.waitFor(() => detail.textOf('order-status') === '待分派', 'status 待分派')
  expect(callsOf(wang, 'requestSubscribeMessage')).toEqual([expect.objectContaining({ tmplIds: ['order_status'] })])
  const create = callsOf(wang, 'cloud.callFunction').find((c) => (c.data as { action: string }).action === 'create')!
  expect(create).toMatchObject({ name: 'orders', data: { data: { category: 'repair_pipe', description: '厨房下水道堵了，水下不去', subscribe: ['order_status'], photos: [expect.stringMatching(/^cloud:\/\/.+\/orders\//)] } } })
  const orderId = detail.query.id
  expect(callsOf(wang, 'redirectTo')).toEqual([{ url: `/pages/order/detail/index?id=${orderId}` }])

  // staff publish it to the pool
  const zhang = await open(PERSONAS.staffZhang.openid)
  const triage = await zhang.reLaunch(`/staff/pages/triage-order/index?id=${orderId}`)
  await triage.tapText('只给红管家', 'triage-to')
  await triage.tapText('派单')
  await triage.waitFor(() => triage.textOf('order-status') === '待接单', 'status 待接单')
  // asked at the 派单 tap: a message if the volunteer brings it back or it runs late
  expect(callsOf(zhang, 'requestSubscribeMessage')).toEqual([expect.objectContaining({ tmplIds: ['order_status'] })])
  const publish = callsOf(zhang, 'cloud.callFunction').find((c) => (c.data as { action: string }).action === 'publish')!
  expect(publish).toMatchObject({ name: 'orders', data: { data: { subscribe: ['order_status'] } } })

  // the volunteer: pool → the order → 接单 → one-tap call → 服务完成
  const li = await open(PERSONAS.volunteerLi.openid)
  const pool = await li.reLaunch('/volunteer/pages/pool/index')
  await pool.tap(`order-${orderId}`)
  const task = await pool.waitFor(() => li.page.route === 'volunteer/pages/order/index' && li.page, 'the volunteer order page')
  await task.waitFor(() => task.textOf('order-facts').includes('139****0001'), 'the masked phone')
  await task.tapText('我来帮忙（接单）')
  await task.tap('phone-call')
  expect(callsOf(li, 'makePhoneCall')).toEqual([expect.objectContaining({ phoneNumber: '13900000001' })])
  await task.input('done-form', '下水道已疏通，顺便换了一段软管')
  await task.tapText('服务完成', 'done-form')
  await task.waitFor(() => task.textOf('order-status') === '待确认', 'status 待确认')

  // the resident confirms with five stars
  const again = await wang.reLaunch(`/pages/order/detail/index?id=${orderId}`)
  await again.waitForTestId('confirm-form')
  await again.tapText('5星', 'stars')
  await again.input('comment', '李师傅手艺好，谢谢')
  await again.tapText('确认完成')
  await again.waitFor(() => again.textOf('order-status') === '已完成', 'status 已完成')
  expect(again.textOf('order-rating')).toContain('★★★★★')
})

/** What a scanner reads from a QR image (a PNG data URL) on the page. */
async function qrOn(page: PageHandle, testId: string): Promise<string | undefined> {
  const src = await page.waitFor(() => page.attrOf(testId, 'src', 'image'), `the QR image ${testId}`)
  const png = PNG.sync.read(Buffer.from(String(src).replace(/^data:image\/png;base64,/, ''), 'base64'))
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data
}

test('staff scan a resident\'s check-in QR and a redemption QR at the booth; the resident redeems and sees a real QR', async () => {
  const now = Date.now()
  const gift = await cloud().okAs(PERSONAS.admin.openid, pointsFn.upsertGift, { name: `毛巾${now % 1000}`, price: 5, totalStock: 20, perPersonLimit: 2, activeFrom: now - 3600e3, activeTo: now + 86400e3 })
  const event = await cloud().okAs(PERSONAS.staffZhang.openid, eventsFn.publish, {
    kind: 'clinic', title: '小程序里的义诊', place: '活动室', startAt: now, endAt: now + 3 * 3600e3, deadline: now + 3600e3, capacity: 20, points: 5, booths: [{ giftId: gift.id, stock: 5 }],
  })
  const wangId = PERSONAS.residentWang.openid
  await cloud().okAs(wangId, eventsFn.signUp, { eventId: event.id })

  // the resident redeems at the booth in the app and sees the QR
  const wang = await open(wangId)
  const page = await wang.reLaunch(`/pages/events/detail/index?id=${event.id}`)
  await page.tapText('兑换', `booth-${gift.id}`)
  await page.waitForTestId('redeem-code')
  const read = await qrOn(page, 'redeem-qr')
  expect(read).toMatch(/^LINLI:RD:[2-9A-Z]{8}$/)
  // and the QR of their check-in code: an opaque token, nothing about who they are
  const code = await qrOn(page, 'my-code-qr')
  expect(code).toMatch(/^LINLI:CI:[0-9A-HJKMNP-TV-Z]{16}$/)
  expect(code).not.toContain(wangId)

  // staff: the check-in desk scans the QR on the resident's phone
  const zhang = await open(PERSONAS.staffZhang.openid)
  const desk = await zhang.reLaunch(`/staff/pages/checkin/index?id=${event.id}`)
  zhang.fake.script.scans.push(code!)
  await desk.tapText('扫居民的签到码')
  await desk.waitForText('签到成功')
  expect(callsOf(zhang, 'scanCode')).toEqual([expect.objectContaining({ onlyFromCamera: true })])

  // the booth scans the redemption QR
  const booth = await zhang.reLaunch(`/staff/pages/booth/index?id=${event.id}`)
  zhang.fake.script.scans.push(read!)
  await booth.tapText('扫码核销')
  await booth.waitFor(() => booth.textOf('booth-done').includes(`请交给 ${PERSONAS.residentWang.name}：${gift.name}`), 'the handover')
  const verify = callsOf(zhang, 'cloud.callFunction').find((c) => (c.data as { action: string }).action === 'verify')
  expect(verify).toMatchObject({ name: 'points', data: { data: { code: read } } })
})

test('refusing the privacy guide: no photo is taken, and the page says plainly what still works', async () => {
  const wang = await open(PERSONAS.residentWang.openid)
  const form = await wang.reLaunch('/pages/order/new/index')
  await form.tapText('水电', 'cat-repair')
  wang.fake.script.media = [wang.fake.addTempFile('no.png', PHOTO)]
  await form.tap('order-photos-add')
  await form.waitForTestId('privacy-prompt')
  await form.tap('privacy-disagree')
  await form.waitFor(() => form.textOf('privacy-refused').includes('其他功能照常使用'), 'the plain word after a refusal')
  expect(callsOf(wang, 'cloud.uploadFile')).toEqual([])
  expect(Number(form.find('order-photos')?.dataset?.count)).toBe(0)
  expect(wang.privacyAgreed).toBe(false)
})

test('a person sees their data under 我的 and deletes the account after a confirmation', async () => {
  const openid = `weapp-leaver-${Date.now().toString(36)}`
  await cloud().okAs(openid, users.updateProfile, { name: '要注销的人', phone: '13700001111', buildingId: 'b1', unitId: 'b1-1' })
  const h = await open(openid)
  const me = await h.reLaunch('/pages/me/index')
  await me.tap('my-data-link')
  const data = await me.waitFor(() => h.page.route === 'account/pages/data/index' && h.page, 'my data')
  await data.waitFor(() => data.textOf('my-profile').includes('要注销的人'), 'the profile')
  h.fake.script.modalConfirm = false
  await data.tapText('注销我的账户')
  expect(callsOf(h, 'showModal')[0]).toMatchObject({ title: '确定注销账户吗？', content: expect.stringContaining('不能恢复') })
  expect((await cloud().okAs(openid, users.me, {})).profile).not.toBeNull()
  h.fake.script.modalConfirm = true
  await data.tapText('注销我的账户')
  await data.waitForTestId('account-deleted')
  expect((await cloud().okAs(openid, users.me, {})).profile).toBeNull()
})

test('大字模式 switches on and is remembered on this phone', async () => {
  const wang = await open(PERSONAS.residentWang.openid)
  const home = await wang.reLaunch('/pages/home/index')
  await home.waitForTestId('large-text-switch')
  const before = home.find('large-text-switch')!.dataset!.on
  await home.tap('large-text-switch')
  const after = before === '1' ? '0' : '1'
  await home.waitFor(() => home.find('large-text-switch')?.dataset?.on === after, 'the switch to flip')
  expect(callsOf(wang, 'setStorageSync')).toContainEqual(['linli.largeText', after === '1'])
  const again = await wang.reLaunch('/pages/me/index')
  await again.waitFor(() => again.find('large-text-switch')?.dataset?.on === after, 'the remembered setting')
  await again.waitFor(() => again.rendered.dom.innerHTML.includes('page--large') === (after === '1'), 'the page drawn in the remembered size')
})
