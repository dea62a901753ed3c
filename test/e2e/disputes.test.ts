/**
 * 矛盾调解 in Chromium, in 大字模式: the 楼栋长 applies for an elder without a phone (home → 矛盾调解 →
 * 申请调解); the 网格员 accepts it and assigns the 银发先锋 mediator from the roster; the mediator
 * records a written agreement with the signed paper's photo and, later, that it was performed; the
 * 网格员's 回访 closes it, and the dashboard counts it. A resident who is not on the case is told it
 * does not exist. Screenshots: test-artifacts/e2e/disputes-*.png
 */
import type { Page } from 'playwright-core'
import { PERSONAS } from '../../core/demo/personas'
import { neighbour } from '../../core/demo/activity'
import { disputesFn } from '../../core/disputes/contract'
import { phone, shot, useBrowser } from './support/browser'
import { actAs, byTestId, e2eCloud, expectText, fontSize, modalButton, openPage, pickPersona, tapButton, vis } from './support/app'
import { attachPhoto, loadedPhotos } from './support/photos'

const browser = useBrowser()
const ZHAO = PERSONAS.leadZhao.openid
const ZHANG = PERSONAS.staffZhang.openid
const WANG = PERSONAS.residentWang.openid
const MA = neighbour('马志华')

async function largeAs(openid: string, listed = true): Promise<Page> {
  const { page } = await phone(browser())
  if (listed) await pickPersona(page, openid)
  else await actAs(page, openid)
  await vis(page, 'large-text-switch').click()
  return page
}
const fillIn = (page: Page, id: string, value: string) => vis(page, id).locator('input, textarea').first().fill(value)
/** Wait (up to 15 s) until `read` gives `want`, and say what it gave last. */
async function until<T>(read: () => Promise<T>, want: T): Promise<void> {
  let last: T | undefined
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) if ((last = await read()) === want) return
  expect(last).toBe(want)
}
const confirmModal = async (page: Page, text: string) => modalButton(page, text).click()

test('a 楼栋长 applies for an elder, the 网格员 assigns a 银发先锋, the agreement photo is attached, the 回访 closes it', async () => {
  const cloud = e2eCloud()
  // the 楼栋长: home → 矛盾调解 → 申请调解, for 吴奶奶 who has no phone
  const zhao = await largeAs(ZHAO)
  await byTestId(zhao, 'entry-disputes').click()
  await tapButton(zhao, '申请调解')
  await vis(zhao, 'report-proxy').getByText('替邻居申请', { exact: true }).click()
  await fillIn(zhao, 'neighbour-name', '吴奶奶')
  await vis(zhao, 'neighbour-building').getByText('3号楼', { exact: true }).click()
  await fillIn(zhao, 'neighbour-room', '102')
  await vis(zhao, 'report-category').getByText('漏水', { exact: true }).click()
  await fillIn(zhao, 'report-title', '楼上漏水到吴奶奶家厨房')
  await fillIn(zhao, 'report-detail', '202卫生间漏水，吴奶奶家厨房顶上一直滴水，老人自己说不动。')
  await fillIn(zhao, 'other-name', '202住户')
  await fillIn(zhao, 'other-room', '202')
  await tapButton(zhao, '提交调解申请')
  await expectText(vis(zhao, 'case-status'), '待受理')
  await expectText(vis(zhao, 'case-people'), '申请人：吴奶奶')
  expect(await fontSize(vis(zhao, 'case-status'))).toBeGreaterThanOrEqual(20)
  await shot(zhao, 'disputes-01-applied-for-elder-large')
  const caseId = new URL(zhao.url().replace('#', '')).searchParams.get('id')!

  // the 网格员: from the list, accept and assign the 银发先锋 from the roster
  const zhang = await largeAs(ZHANG)
  await byTestId(zhang, 'entry-disputes').click()
  await vis(zhang, `case-${caseId}`).click()
  await expectText(vis(zhang, 'case-status'), '待受理')
  await expectText(vis(zhang, 'case-people'), '吴奶奶（没有用小程序）')
  await tapButton(zhang, '受理，安排调解')
  await expectText(vis(zhang, 'case-status'), '已受理')
  await vis(zhang, 'mediate-who').getByText('银发先锋 马志华', { exact: false }).click()
  await tapButton(zhang, '确定调解员和时间')
  await expectText(vis(zhang, 'case-status'), '调解中')
  await expectText(vis(zhang, 'case-mediator'), '银发先锋 马志华')
  await shot(zhang, 'disputes-02-mediator-assigned-large')

  // the mediator records the written agreement with the signed paper's photo
  const ma = await largeAs(MA, false)
  await openPage(ma, `/disputes/pages/case/index?id=${caseId}`)
  await fillIn(ma, 'agree-terms', '202住户一周内请师傅修好卫生间防水，并赔偿吴奶奶厨房吊顶修补费400元。')
  await attachPhoto(ma, 'agree-photo')
  await tapButton(ma, '记录达成协议')
  await confirmModal(ma, '记录')
  await expectText(vis(ma, 'case-status'), '履行中')
  await until(() => loadedPhotos(ma, 'case-agreement'), 1)
  await shot(ma, 'disputes-03-agreement-photo-large')
  await tapButton(ma, '履行了')
  await confirmModal(ma, '记下')
  await expectText(vis(ma, 'case-status'), '已履行')

  // the 网格员's 回访 closes it
  await zhang.reload()
  await vis(zhang, 'follow-up-satisfied').getByText('满意', { exact: true }).click()
  await tapButton(zhang, '回访完成，结案')
  await confirmModal(zhang, '结案')
  await expectText(vis(zhang, 'case-status'), '已结案')
  await expectText(vis(zhang, 'case-follow-up'), '当事人满意')
  await shot(zhang, 'disputes-04-closed-after-follow-up-large')
  const closed = await cloud.okAs(ZHANG, disputesFn.dispute, { disputeId: caseId })
  expect(closed.timeline.map((e) => e.event)).toEqual(['REPORT', 'ACCEPT', 'START', 'AGREE', 'FULFIL', 'FOLLOW_UP'])
  expect(closed.agreement?.photo).toMatch(/^cloud:\/\/.+\/disputes\//)

  // the dashboard counts it
  await openPage(zhang, '/staff/pages/kpis/index')
  await expectText(vis(zhang, 'kpi-disputes'), '调解成功率')

  // a neighbour who is not on the case: as if it did not exist
  const wang = await largeAs(WANG)
  await openPage(wang, `/disputes/pages/case/index?id=${caseId}`)
  await expectText(wang.getByText('没有找到这件案子'), '没有找到这件案子')
  expect(await wang.content()).not.toContain('吴奶奶')
})
