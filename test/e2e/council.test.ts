/**
 * 议事协商 in Chromium, in 大字模式: a resident raises a topic in two taps from home (议事协商 →
 * type → 提交议题); the 楼栋长 raises one for a neighbour without a phone; the 网格员 accepts it on its
 * page; the 楼栋长 supports it for an elder; households support, the 网格员 records the committee's agenda for a member without a phone, the session starts; the 网格员
 * records the minutes in the page (a decision that makes a service order with points, one that
 * becomes a 公约) and confirms them as host; a committee member confirms; the resident sees the
 * decision and its progress on the topic's page; the 网格员's dashboard shows 上会率 and 反馈率. Screenshots: test-artifacts/e2e/council-*.png
 */
import type { Page } from 'playwright-core'
import { PERSONAS } from '../../core/demo/personas'
import { councilFn } from '../../core/council/contract'
import { eventsFn } from '../../core/events/contract'
import { orders } from '../../core/orders/contract'
import { householdOf } from '../../core/council/households'
import { chinaDay } from '../../core/china-time'
import { phone, shot, useBrowser } from './support/browser'
import { byTestId, e2eCloud, e2eDb, expectText, fontSize, modalButton, openPage, pickPersona, tapButton, vis } from './support/app'

const browser = useBrowser()
const WANG = PERSONAS.residentWang.openid
const ZHAO = PERSONAS.leadZhao.openid
const ZHANG = PERSONAS.staffZhang.openid
const SUN = PERSONAS.residentSun.openid
const ADMIN = PERSONAS.admin.openid
const SERIES = { title: '逢四议事', kind: 'decide' as const, rule: { kind: 'weekly' as const, weekdays: [4 as const] }, startTime: '09:30', minutes: 90, place: '3号楼下说事点', host: '张网格员', capacity: 30, cutoffHours: 24, holidays: 'keep' as const }

/** A phone in 大字模式 as this persona, on home. */
async function largeAs(openid: string): Promise<Page> {
  const { page } = await phone(browser())
  await pickPersona(page, openid)
  await vis(page, 'large-text-switch').click()
  return page
}
const fillIn = (page: Page, id: string, value: string) => vis(page, id).locator('input, textarea').first().fill(value)

test('a topic raised from home in two taps, one raised for a neighbour, the session run by staff, the decision and its progress seen by the resident', async () => {
  const cloud = e2eCloud()
  await cloud.okAs(ADMIN, councilFn.saveSeries, SERIES)
  const until = chinaDay(Date.now() + 200 * 86_400_000)
  await cloud.okAs(ADMIN, councilFn.setCommittee, { members: [{ name: '孙浩', openid: SUN, until }, { name: '李大爷', until }, { name: '王阿姨', until }] })

  // the resident: home → 议事协商 → type → 提交议题 (two taps)
  const wang = await largeAs(WANG)
  const normal = 20
  await byTestId(wang, 'entry-council').click()
  await fillIn(wang, 'topic-title', '3号楼楼道灯晚上不亮')
  await fillIn(wang, 'topic-detail', '晚上下楼看不清台阶，老人怕摔。')
  await tapButton(wang, '提交议题')
  await expectText(vis(wang, 'raise-done'), '议题已提交')
  await expectText(vis(wang, 'topic-list'), '3号楼楼道灯晚上不亮')
  expect(await fontSize(vis(wang, 'topic-status'))).toBeGreaterThanOrEqual(normal)
  await shot(wang, 'council-01-raised-large')
  const mine = (await cloud.okAs(WANG, councilFn.topics, {})).items.find((t) => t.title === '3号楼楼道灯晚上不亮')!

  // the 楼栋长 raises one for 吴奶奶, who has no phone
  const zhao = await largeAs(ZHAO)
  await byTestId(zhao, 'entry-council').click()
  await vis(zhao, 'topic-proxy').getByText('替邻居提', { exact: true }).click()
  await fillIn(zhao, 'neighbour-name', '吴奶奶')
  await vis(zhao, 'neighbour-building').getByText('3号楼', { exact: true }).click()
  await vis(zhao, 'neighbour-unit').locator('.chip').first().click()
  await fillIn(zhao, 'neighbour-room', '102')
  await fillIn(zhao, 'topic-title', '3号楼楼梯加装扶手')
  await fillIn(zhao, 'topic-detail', '吴奶奶上下楼吃力，希望加扶手。')
  await tapButton(zhao, '提交议题')
  await expectText(vis(zhao, 'topic-list'), '楼栋长 赵德福 代 吴奶奶')
  await shot(zhao, 'council-02-proxy-large')
  const forNeighbour = (await cloud.okAs(ZHAO, councilFn.topics, {})).items.find((t) => t.title === '3号楼楼梯加装扶手')!

  // the 网格员 accepts the resident's topic on its page; the neighbour's is accepted too
  const zhang = await largeAs(ZHANG)
  await openPage(zhang, `/council/pages/topic/index?id=${mine._id}`)
  await tapButton(zhang, '受理，放进下一次议事会')
  await expectText(vis(zhang, 'topic-status'), '征集附议中')
  const accepted = await cloud.okAs(ZHANG, councilFn.acceptTopic, { topicId: forNeighbour._id })
  // the 楼栋长 supports it for an elder who asked him to (no phone): recorded with the reason
  await openPage(zhao, `/council/pages/topic/index?id=${mine._id}`)
  const elder = vis(zhao, 'support-for')
  await elder.locator('[data-testid="neighbour-name"] input').fill('周爷爷')
  await elder.locator('[data-testid="neighbour-building"]').getByText('3号楼', { exact: true }).click()
  await elder.locator('[data-testid="neighbour-unit"] .chip').first().click()
  await elder.locator('[data-testid="neighbour-room"] input').fill('999')
  await elder.locator('[data-testid="support-for-reason"] input').fill('周爷爷托我附议')
  await tapButton(elder, '替老人附议')
  await expectText(vis(zhao, 'support-for-done'), '已替老人附议')
  await expectText(vis(zhao, 'supports'), '附议 1 户')
  const sessionId = accepted.sessionId!

  // households of the community support both (one support per household), then the supports close
  const users = (await e2eDb().collection('users').where({ communityId: 'xingfuli' }).limit(200).get()).data as { _id: string; buildingId: string; unitId: string; room?: string }[]
  const taken = new Set([householdOf({ communityId: 'xingfuli', ...users.find((u) => u._id === WANG)! })])
  const households = users.filter((u) => {
    const h = householdOf({ communityId: 'xingfuli', ...u })
    if (!h || taken.has(h) || u._id === ZHAO) return false
    taken.add(h)
    return true
  })
  for (const u of households.slice(0, accepted.threshold)) {
    await cloud.okAs(u._id, councilFn.support, { topicId: mine._id })
    await cloud.okAs(u._id, councilFn.support, { topicId: forNeighbour._id })
  }
  const _ = e2eDb().command
  await e2eDb().collection('council_topics').where({ _id: _.in([mine._id, forNeighbour._id]) }).update({ data: { cutoffAt: Date.now() - 1 } })
  // the 网格员 records the committee's agenda for 李大爷, who has no phone
  await openPage(zhang, `/council/pages/session/index?id=${sessionId}`)
  await vis(zhang, 'agenda-form').waitFor()
  await vis(zhang, 'agenda-chosen').getByText(/3号楼楼道灯晚上不亮/).click()
  await vis(zhang, 'agenda-chosen').getByText(/3号楼楼梯加装扶手/).click()
  await vis(zhang, 'agenda-member').getByText('李大爷', { exact: true }).click()
  await tapButton(zhang, '定下议题')
  await modalButton(zhang, '定下').click()
  await expectText(vis(zhang, 'agenda'), '代委员 李大爷 记录')
  // the session's day has come; the resident checks in
  await e2eDb().collection('events').doc(sessionId).update({ data: { startAt: Date.now() - 600_000, endAt: Date.now() + 3_600_000, deadline: Date.now() + 3_600_000 } })
  await cloud.okAs(WANG, eventsFn.signUp, { eventId: sessionId, family: 0 })
  const { code } = await cloud.okAs(ZHANG, eventsFn.checkinCode, { eventId: sessionId })
  await cloud.okAs(WANG, eventsFn.checkIn, { eventId: sessionId, code })

  // the 网格员 records the minutes in the page and confirms them as host
  await openPage(zhang, `/council/pages/session/index?id=${sessionId}`)
  await vis(zhang, 'minutes-form').waitFor()
  await fillIn(zhang, `m-summary-${mine._id}`, '大家同意尽快修好楼道灯')
  await fillIn(zhang, `m-decision-${mine._id}`, '由志愿者更换3号楼楼道灯')
  await vis(zhang, `m-kind-${mine._id}`).getByText('派服务单', { exact: true }).click()
  await fillIn(zhang, `m-title-${mine._id}`, '更换3号楼楼道灯')
  await vis(zhang, `m-category-${mine._id}`).locator('.chip').first().click()
  await vis(zhang, `m-building-${mine._id}`).getByText('3号楼', { exact: true }).click()
  await fillIn(zhang, `m-summary-${forNeighbour._id}`, '同意加装扶手')
  await fillIn(zhang, `m-decision-${forNeighbour._id}`, '楼梯扶手由各楼自筹加装')
  await vis(zhang, `m-kind-${forNeighbour._id}`).getByText('写进公约', { exact: true }).click()
  await fillIn(zhang, `m-title-${forNeighbour._id}`, '楼梯扶手自筹加装')
  await tapButton(zhang, '保存纪要草稿')
  await expectText(vis(zhang, 'minutes'), '草稿，待确认')
  await expectText(vis(zhang, 'minutes'), '到会 1 人')
  await tapButton(zhang, '确认纪要')
  await modalButton(zhang, '确认').click()
  await expectText(vis(zhang, 'minutes-confirmations'), '主持人已确认')
  await shot(zhang, 'council-03-minutes-large')
  // the committee member confirms: published, the decisions take effect
  const draft = (await cloud.okAs(SUN, councilFn.minutes, { sessionId }))!
  expect((await cloud.okAs(SUN, councilFn.confirmMinutes, { sessionId, draftAt: draft.draftAt })).status).toBe('published')

  // the resident sees the decision and its progress on the topic's page
  await openPage(wang, `/council/pages/topic/index?id=${mine._id}`)
  await expectText(vis(wang, 'decision-text'), '由志愿者更换3号楼楼道灯')
  await expectText(vis(wang, 'decision-progress'), '已完成 0 / 1 项')
  await expectText(vis(wang, 'topic-status'), '决议落实中')
  expect(await fontSize(vis(wang, 'decision-text'))).toBeGreaterThanOrEqual(normal)
  await shot(wang, 'council-04-decision-large')
  // the 网格员's dashboard shows 议事协商's figures, as the function gives them
  const m = await cloud.okAs(ZHANG, councilFn.metrics, {})
  await openPage(zhang, '/staff/pages/kpis/index')
  await expectText(vis(zhang, 'council-on-agenda'), `上会率 ${Math.round(m.onAgenda.value! * 100)}%（${m.onAgenda.num}/${m.onAgenda.den}）`)
  await expectText(vis(zhang, 'council-feedback'), `反馈率 ${Math.round(m.feedback.value! * 100)}%（${m.feedback.num}/${m.feedback.den}）`)
  await shot(zhang, 'council-05-dashboard-large')
  // and the decision reached their inbox
  expect((await cloud.okAs(WANG, orders.inbox, { limit: 20 })).items.some((n) => n.topicId === mine._id && n.kind === 'topic_decided')).toBe(true)
})

test('a dashboard hotspot opens the topic form with its title and explanation written', async () => {
  const zhang = await largeAs(ZHANG)
  const title = '5号楼的问题明显多起来了'
  const detail = '楼栋「5号楼」本月 9 件，平时每月约 2 件，请大家议一议怎么从根上解决。'
  await openPage(zhang, `/council/pages/topics/index?title=${encodeURIComponent(title)}&detail=${encodeURIComponent(detail)}`)
  expect(await vis(zhang, 'topic-title').locator('input').inputValue()).toBe(title)
  expect(await vis(zhang, 'topic-detail').locator('textarea').inputValue()).toBe(detail)
})

test('a household votes in the committee\'s evaluation from the 议事 page, after a confirmation, in 大字模式', async () => {
  const cloud = e2eCloud()
  const open = await cloud.okAs(ADMIN, councilFn.evaluation, {})
  if (open?.status !== 'open') await cloud.okAs(ADMIN, councilFn.openEvaluation, {})
  const sun = await largeAs(SUN)
  await byTestId(sun, 'entry-council').click()
  await tapButton(sun, '选题委员会和评议')
  await vis(sun, 'evaluation').waitFor()
  await tapButton(vis(sun, 'evaluation'), '反对')
  await modalButton(sun, '反对').click()
  await expectText(vis(sun, 'evaluation-voted'), '您家已投票')
  await shot(sun, 'council-06-evaluation-large')
  expect(await cloud.okAs(SUN, councilFn.evaluation, {})).toMatchObject({ voted: true, tally: null })
})
