/**
 * 微心愿 in Chromium, in 大字模式: staff collect a wish for a child (the admin approves it); a donor
 * finds it from home, claims it, brings the gift to the station; staff receive it, deliver it with a
 * photo of the gift, record the guardian's confirmation and pass on the thanks; the donor sees the
 * wish come true — and never, on any page, who the child is. Screenshots: test-artifacts/e2e/wishes-*.png
 */
import type { Page } from 'playwright-core'
import { PERSONAS } from '../../core/demo/personas'
import { chinaDay } from '../../core/china-time'
import { wishesFn } from '../../core/wishes/contract'
import { phone, shot, useBrowser } from './support/browser'
import { byTestId, e2eCloud, expectText, fontSize, modalButton, openPage, pickPersona, tapButton, vis } from './support/app'
import { attachPhoto } from './support/photos'

const browser = useBrowser()
const SUN = PERSONAS.residentSun.openid
const ZHANG = PERSONAS.staffZhang.openid
const ADMIN = PERSONAS.admin.openid
/** Who the child is: none of it may reach the donor's pages. */
const CHILD = { name: '林小雨', phone: '13811112222', address: '3号楼2单元601', guardian: { name: '林桂芳', phone: '13833334444', relation: '奶奶' } }
const SECRETS = [CHILD.name, CHILD.phone, CHILD.address, CHILD.guardian.name, CHILD.guardian.phone]

async function largeAs(openid: string): Promise<Page> {
  const { page } = await phone(browser())
  await pickPersona(page, openid)
  await vis(page, 'large-text-switch').click()
  return page
}
/** What the donor's browser holds: the page's text and every answer the app fetched. */
function watchDonor(page: Page): () => string {
  const seen: string[] = []
  page.on('response', (r) => void r.text().then((t) => seen.push(t)).catch(() => undefined))
  return () => seen.join('\n')
}
/** Which of the child's details the donor's browser got, in any answer or on the page shown. */
const leaks = async (page: Page, fetched: string) => {
  const all = `${fetched}\n${await page.content()}`
  return SECRETS.filter((s) => all.includes(s))
}

test('a donor claims and fulfils a wish without ever seeing who it is for', async () => {
  const cloud = e2eCloud()
  const draft = await cloud.okAs(ZHANG, wishesFn.saveDraft, {
    kind: 'item',
    title: '一双新运动鞋',
    detail: '体育课跑步用，鞋码35。',
    priceCap: 100,
    occasion: '春节',
    targetDate: chinaDay(Date.now() + 40 * 86_400_000),
    gridId: 'g1',
    shares: 1,
    alias: '小雨',
    ageBand: '10-12',
    grade: '五年级',
    station: '幸福里社区服务站（居委会一楼）',
    ref: CHILD,
  })
  await cloud.okAs(ZHANG, wishesFn.submit, { wishId: draft._id })
  await cloud.okAs(ADMIN, wishesFn.review, { wishId: draft._id, approve: true })

  // the donor: home → 微心愿 → the wish → 我来认领
  const sun = await largeAs(SUN)
  const fetched = watchDonor(sun)
  await byTestId(sun, 'entry-wishes').click()
  await expectText(vis(sun, 'no-points-note'), '买礼物不记爱心银行积分')
  await vis(sun, `wish-${draft._id}`).click()
  await expectText(vis(sun, 'wish-title'), '一双新运动鞋')
  expect(await fontSize(vis(sun, 'wish-status'))).toBeGreaterThanOrEqual(20)
  await shot(sun, 'wishes-01-wish-as-donor-large')
  await tapButton(sun, '我来认领')
  await modalButton(sun, '认领').click()
  await expectText(vis(sun, 'my-claim'), '保留中')
  await expectText(vis(sun, 'my-claim'), '幸福里社区服务站')
  await shot(sun, 'wishes-02-claimed-large')

  // staff at the station: receive the gift, deliver it with a photo of the gift, the guardian confirms, the thanks
  const zhang = await largeAs(ZHANG)
  await openPage(zhang, `/wishes/pages/manage/index?id=${draft._id}`)
  await expectText(vis(zhang, 'wish-ref'), CHILD.name)
  await tapButton(zhang, '礼物收到了')
  await expectText(vis(zhang, 'wish-status'), '礼物已到服务站')
  await attachPhoto(zhang, 'gift-photos')
  await tapButton(zhang, '已送到')
  await expectText(vis(zhang, 'wish-status'), '已送到孩子手里')
  await tapButton(zhang, '监护人确认实现了')
  await modalButton(zhang, '确认').click()
  await expectText(vis(zhang, 'wish-status'), '心愿已实现')
  await vis(zhang, 'thank-text').locator('textarea').fill('谢谢叔叔阿姨，鞋子很合脚，我跑步更快了！')
  await tapButton(zhang, '转达感谢')
  await expectText(vis(zhang, 'wish-status'), '已致谢')
  await shot(zhang, 'wishes-03-staff-handover-large')

  // the donor sees it come true, and the thanks
  await sun.reload()
  await expectText(vis(sun, 'wish-status'), '已致谢')
  await expectText(vis(sun, 'wish-thanks'), '鞋子很合脚')
  await expectText(vis(sun, 'my-claim'), '已收到')
  await shot(sun, 'wishes-04-fulfilled-as-donor-large')
  // back through the list and one's claims, too
  await openPage(sun, '/wishes/pages/list/index')
  await expectText(vis(sun, 'my-claims'), '一双新运动鞋')
  // the watch sees the answers (the wish's own text is in them), and none of the child's details
  expect(fetched()).toContain('一双新运动鞋')
  expect(await leaks(sun, fetched())).toEqual([])
})
