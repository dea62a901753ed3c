/**
 * An event from the notice board to the booth, in Chromium: staff publish it for next Tuesday
 * 14:30 with sign-up until Monday 18:00 (WeChat-style date and time pickers), move it to another
 * room; a resident signs up and, on the day, shows the check-in QR; staff scan it (the test reads
 * the QR off the screen) → checked in, points shown; a redemption is cancelled only after 确定, and
 * the points come back. Screenshots: test-artifacts/e2e/event-journey-*.png
 */
import jsQR from 'jsqr'
import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { PERSONAS } from '../../core/demo/personas'
import { eventsFn } from '../../core/events/contract'
import { fromPicked, toPicked } from '../../core/events/times'
import { pointsFn } from '../../core/points/contract'
import { users } from '../../core/users/contract'
import { phone, shot, useBrowser } from './support/browser'
import { actAs, e2eCloud, e2eDb, expectText, modalButton, openPage, pickPersona, tapButton, vis } from './support/app'
import { turnPicker } from './support/picker'

const browser = useBrowser()
const STAFF = PERSONAS.staffZhang.openid
const DAY = 86400e3

// eslint-disable-next-line @typescript-eslint/no-require-imports -- pngjs ships no types
const { PNG } = require('pngjs') as { PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } } }
const readQr = (png: Buffer) => {
  const img = PNG.sync.read(png)
  return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data ?? null
}

/** Next week's Tuesday (at least two days ahead, so Monday 18:00 is still to come), China dates. */
function nextTuesday(now = Date.now()) {
  const today = toPicked(now).date
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay()
  let days = (2 - weekday + 7) % 7
  if (days < 2) days += 7
  const tue = toPicked(fromPicked({ date: today, time: '12:00' }) + days * DAY).date
  const mon = toPicked(fromPicked({ date: tue, time: '12:00' }) - DAY).date
  return { tue, mon }
}
/** The wheels of Taro's date picker for 'YYYY-MM-DD': '2026年', '12月', '08日'. */
const dateWheels = (date: string) => {
  const [y, m, d] = date.split('-')
  return [`${y}年`, `${m}月`, `${d}日`]
}
const page = (p: Page) => p.locator('.page:visible')

test('publish for next Tuesday 14:30, sign-up until Monday 18:00 → move it → sign up → on the day the QR is scanned → points → a redemption cancelled after 确定, refunded', async () => {
  const cloud = e2eCloud()
  const now = Date.now()
  const gift = await cloud.okAs(PERSONAS.admin.openid, pointsFn.upsertGift, { name: `暖手宝${now % 1000}`, price: 1, totalStock: 20, perPersonLimit: 1, activeFrom: now - 3600e3, activeTo: now + 30 * DAY })
  const { tue, mon } = nextTuesday()

  // staff publish, choosing the day and time on the pickers
  const staff = (await phone(browser())).page
  await pickPersona(staff, STAFF)
  await openPage(staff, '/staff/pages/event-publish/index')
  await vis(staff, 'title-input').locator('input').fill('冬季义诊')
  await turnPicker(staff, vis(staff, 'start-date'), dateWheels(tue))
  await turnPicker(staff, vis(staff, 'start-time'), ['14', '30'])
  expect(await vis(staff, 'end-time').textContent()).toBe('16:30') // the end moved with the start
  await turnPicker(staff, vis(staff, 'deadline-date'), dateWheels(mon))
  await turnPicker(staff, vis(staff, 'deadline-time'), ['18', '00'])
  expect(await vis(staff, 'start-date').textContent()).toMatch(/周二$/)
  expect(await vis(staff, 'deadline-date').textContent()).toMatch(/周一$/)
  await vis(staff, 'gift-picker').getByText(`${gift.name}（1分）`, { exact: true }).click()
  await shot(staff, 'event-journey-01-publish')
  await tapButton(page(staff), '发布')
  await vis(staff, 'seats-left').waitFor()
  const eventId = new URL(staff.url().replace('#', '')).searchParams.get('id')!
  const published = await cloud.okAs(STAFF, eventsFn.detail, { eventId })
  expect(published).toMatchObject({ startAt: fromPicked({ date: tue, time: '14:30' }), endAt: fromPicked({ date: tue, time: '16:30' }), deadline: fromPicked({ date: mon, time: '18:00' }) })

  // moved to another room
  await tapButton(page(staff), '修改或取消活动')
  await vis(staff, 'place-input').locator('input').fill('3号楼会议室')
  await tapButton(vis(staff, 'edit-form'), '保存修改')
  await vis(staff, 'edit-saved').waitFor()
  expect((await cloud.okAs(STAFF, eventsFn.detail, { eventId })).place).toBe('3号楼会议室')

  // a resident signs up
  const openid = `e2e-journey-${randomUUID()}`
  await cloud.okAs(openid, users.updateProfile, { name: '报名居民', phone: '13712340005', buildingId: 'b3', unitId: 'b3-2' })
  const res = (await phone(browser())).page
  await actAs(res, openid)
  await openPage(res, `/pages/events/detail/index?id=${eventId}`)
  await expectText(page(res), '3号楼会议室')
  await tapButton(page(res), '我要报名')
  await expectText(vis(res, 'my-status'), '已报名')

  // the day comes (check-in opens an hour before the start)
  await e2eDb().collection('events').doc(eventId).update({ data: { startAt: Date.now() - 60e3, endAt: Date.now() + 2 * 3600e3, deadline: Date.now() + 3600e3 } })
  await res.reload()
  const qr = vis(res, 'my-code-qr').locator('img')
  await qr.waitFor()
  expect(await qr.getAttribute('alt')).toBe('我的签到码，给工作人员扫')
  const code = readQr(await qr.screenshot())
  expect(code).toMatch(/^LINLI:CI:[0-9A-Z]{16}$/)
  expect(code).not.toContain(openid)
  await shot(res, 'event-journey-02-checkin-qr')

  // staff scan it: the scanner's text goes in as the scan result
  await openPage(staff, `/staff/pages/checkin/index?id=${eventId}`)
  await vis(staff, 'attendee-code').locator('input').fill(code!)
  await tapButton(page(staff), '签到')
  const result = await expectText(page(staff).locator('.ok-text'), /报名居民：签到成功，发放 \d+ 积分/)
  const awarded = Number(/发放 (\d+) 积分/.exec(result)![1])
  expect(awarded).toBeGreaterThan(0)

  // the resident sees it, and the points
  await res.reload()
  await expectText(vis(res, 'my-status'), '已签到')
  await openPage(res, '/pages/points/index/index')
  await expectText(vis(res, 'balance'), String(awarded))

  // redeem at the booth, then change one's mind: 再想想 keeps it, 取消兑换 refunds it
  await openPage(res, `/pages/events/detail/index?id=${eventId}`)
  await tapButton(vis(res, `booth-${gift.id}`), '兑换')
  await vis(res, 'redeem-qr').waitFor()
  await openPage(res, '/pages/points/index/index')
  await expectText(vis(res, 'balance'), String(awarded - 1))
  const cancel = res.locator('[data-testid^="cancel-"]:visible')
  await tapButton(cancel, '不要了，取消兑换')
  await modalButton(res, '再想想').click()
  expect((await cloud.okAs(openid, pointsFn.myRedemptions, {})).items[0].status).toBe('reserved')
  await tapButton(cancel, '不要了，取消兑换')
  await modalButton(res, '取消兑换').click()
  await expectText(vis(res, 'balance'), String(awarded))
  await expectText(vis(res, 'my-redemptions'), '已取消，积分已退回')
  expect((await cloud.okAs(openid, pointsFn.myRedemptions, {})).items[0].status).toBe('cancelled')
  await shot(res, 'event-journey-03-refunded')
})

test('an event link without an id, or to an event that is gone, says so and leads home', async () => {
  const res = (await phone(browser())).page
  await pickPersona(res, PERSONAS.residentWang.openid)
  for (const url of ['/pages/events/detail/index', '/pages/events/detail/index?id=e-gone-long-ago']) {
    await openPage(res, url)
    await expectText(vis(res, 'no-such-event'), '没有找到这个活动')
  }
  await tapButton(res.locator('.page:visible'), '回首页')
  await res.waitForURL(/pages\/home\/index/)
})
