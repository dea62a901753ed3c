/**
 * Issue #6's story in a real browser: staff publish an event with a gift booth → a resident signs
 * up → checks in with the rotating code → receives the points → redeems a gift → staff verify the
 * code at the booth → the reconciliation shows it; a walk-in is added at the desk and shows as such.
 * Screenshots: test-artifacts/e2e/event-booth-*.png
 */
import jsQR from 'jsqr'
import type { Locator } from 'playwright-core'
import { PERSONAS } from '../../core/demo/personas'
import { pointsFn } from '../../core/points/contract'
import { phone, shot, useBrowser } from './support/browser'
import { e2eCloud, expectText, modalButton, openPage, pickPersona, tapButton, vis } from './support/app'

const browser = useBrowser()

const STAFF = PERSONAS.staffZhang.openid
const RESIDENT = PERSONAS.residentWang.openid
/** Wait until the element shows `text` (pages show a loading text first, then the data). */
const shows = (loc: Locator, text: string | RegExp) => loc.filter({ hasText: text }).first().waitFor({ timeout: 8000 })

// eslint-disable-next-line @typescript-eslint/no-require-imports -- pngjs ships no types
const { PNG } = require('pngjs') as { PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } } }
/** What a scanner reads from a screenshot (PNG) of a QR image. */
const readQr = (png: Buffer) => {
  const img = PNG.sync.read(png)
  return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data ?? null
}

test('publish with a booth → sign up → check in → points → redeem → 核销 → reconciliation', async () => {
  const cloud = e2eCloud()
  const now = Date.now()
  const gift = await cloud.okAs(PERSONAS.admin.openid, pointsFn.upsertGift, {
    name: `毛巾${now % 1000}`, price: 10, totalStock: 50, perPersonLimit: 1, activeFrom: now - 3600e3, activeTo: now + 30 * 86400e3,
  })
  const before = (await cloud.okAs(RESIDENT, pointsFn.balance, {})).balance

  // staff publish, starting now, with a booth of 5
  const staff = (await phone(browser())).page
  await pickPersona(staff, STAFF)
  await openPage(staff, '/staff/pages/event-publish/index')
  await vis(staff, 'title-input').locator('input').fill('重阳节义诊')
  await vis(staff, 'start-picker').getByText('马上开始', { exact: true }).click()
  await vis(staff, 'points-input').locator('input').fill('10')
  await vis(staff, 'gift-picker').getByText(`${gift.name}（10分）`, { exact: true }).click()
  await vis(staff, 'stock-input').locator('input').fill('5')
  await shot(staff, 'event-booth-01-publish')
  await tapButton(staff.locator('.page:visible'), '发布')
  await vis(staff, 'seats-left').waitFor()
  const eventId = new URL(staff.url().replace('#', '')).searchParams.get('id')!
  expect(eventId).toMatch(/^e/)

  // the resident signs up
  const res = (await phone(browser())).page
  await pickPersona(res, RESIDENT)
  await openPage(res, `/pages/events/detail/index?id=${eventId}`)
  await tapButton(res.locator('.page:visible'), '我要报名')
  await expectText(vis(res, 'my-status'), '已报名')
  await shot(res, 'event-booth-02-signed-up')

  // staff show the rotating code; the resident types it
  await openPage(staff, `/staff/pages/checkin/index?id=${eventId}`)
  await staff.waitForFunction(() => /^\d{6}$/.test(document.querySelector('[data-testid="rotating-code"]')?.textContent ?? ''))
  const code = (await vis(staff, 'rotating-code').textContent())!.trim()
  await expectText(vis(staff, 'desk-event'), '重阳节义诊')
  await expectText(vis(staff, `attendee-${RESIDENT}`), '已报名')
  await vis(res, 'checkin-code').locator('input').fill(code)
  await tapButton(res.locator('.page:visible'), '签到')
  await expectText(vis(res, 'checkin-done'), '获得 10 积分')
  // the desk's list catches up on its own (the resident checked in on their phone, not at the desk)
  await expectText(vis(staff, `attendee-${RESIDENT}`), '已签到', 15_000)
  expect((await cloud.okAs(RESIDENT, pointsFn.balance, {})).balance).toBe(before + 10)

  // someone who did not sign up is added at the desk (walk-in), after a confirmation
  const walker = PERSONAS.volunteerLi
  await vis(staff, 'walk-in-picker-search').locator('input').fill(walker.name)
  await vis(staff, 'walk-in-picker-go').click()
  await vis(staff, 'walk-in-picker-list').getByText(new RegExp(`^${walker.name}`)).click()
  await tapButton(vis(staff, 'walk-in'), `登记「${walker.name}」到场`)
  await modalButton(staff, '登记').click()
  await expectText(vis(staff, 'walk-in-done'), `${walker.name}：签到成功，发放 10 积分`)
  await expectText(vis(staff, `attendee-${walker.openid}`), `现场登记 · ${PERSONAS.staffZhang.name}`)

  // the resident redeems at the booth and gets a code; 剩 N 份 falls at once (the unit is promised)
  await expectText(vis(res, `booth-${gift.id}`), '剩 5 份')
  await tapButton(vis(res, 'booths'), '兑换')
  await vis(res, 'redeem-code').waitFor()
  await expectText(vis(res, `booth-${gift.id}`), '剩 4 份')
  const redeemText = (await vis(res, 'redeem-code').textContent())!
  const redeemCode = /([2-9A-Z]{4}-[2-9A-Z]{4})/.exec(redeemText)![1]
  // the QR on the page is a real one: a decoder reads the code from the rendered pixels
  const scanned = readQr(await vis(res, 'redeem-qr').locator('img').screenshot())
  expect(scanned).toBe(`LINLI:RD:${redeemCode.replace('-', '')}`)
  await shot(res, 'event-booth-03-redeemed')
  await openPage(res, '/pages/points/index/index')
  await shows(vis(res, 'balance'), new RegExp(`^${before}$`))
  await shows(vis(res, 'statement'), '参加活动：重阳节义诊')
  await shot(res, 'event-booth-04-points')

  // staff verify it at the booth: once
  await openPage(staff, `/staff/pages/booth/index?id=${eventId}`)
  await expectText(vis(staff, 'desk-event'), '重阳节义诊')
  await expectText(vis(staff, `booth-left-${gift.id}`), '剩 4 份')
  await vis(staff, 'booth-code').locator('input').fill(redeemCode.toLowerCase())
  await tapButton(staff.locator('.page:visible'), '核销')
  await expectText(vis(staff, 'booth-done'), `请交给 ${PERSONAS.residentWang.name}：${gift.name}`)
  await expectText(vis(staff, 'booth-done'), '还剩 4 份')
  await expectText(vis(staff, `booth-left-${gift.id}`), '剩 4 份')
  await shot(staff, 'event-booth-05-verified')

  // the reconciliation shows it
  await openPage(staff, `/staff/pages/reconcile/index?id=${eventId}`)
  await shows(vis(staff, 'reconcile-status'), /^账物相符$/)
  await shows(vis(staff, `reconcile-${gift.id}`).locator('[data-testid="redeemed"]'), /^1$/)
  await shows(vis(staff, 'walk-ins'), /^1$/)
  await shot(staff, 'event-booth-06-reconcile')
})
