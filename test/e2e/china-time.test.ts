/**
 * China time end to end: the demo community seeded and played in UTC (as cloud functions run),
 * read on a phone set to Asia/Shanghai — the 义诊 shows at 8:30 on the events list and its detail,
 * and 我报名的 lists the sign-ups by their events' dates. A stack of its own: the played demo adds
 * events, orders and points the other test files do not expect.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chinaParts } from '../../core/china-time'
import { PERSONAS } from '../../core/demo/personas'
import { eventsFn } from '../../core/events/contract'
import { startStack, type Stack } from '../../scripts/lib/start-stack'
import { clientFor } from '../support/call'
import { phone, shot, useBrowser } from './support/browser'
import { expectText, openPage, pickPersona, settled, vis } from './support/app'

const browser = useBrowser()
let stack: Stack

beforeAll(async () => {
  // the stack runs in UTC (global-setup): a seed that read its own zone would put the 义诊 at 16:30 in Beijing
  expect(new Date(0).getTimezoneOffset()).toBe(0)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-china-time-'))
  const log = (l: string) => void (/error|fail/i.test(l) && process.stderr.write(l + '\n'))
  stack = await startStack({ appPort: 0, cloudPort: 0, dataDir, functionsDir: process.env.E2E_FUNCTIONS_DIR, buildFunctions: false, buildH5: 'never', demo: true, log })
}, 180_000)
afterAll(() => stack?.stop())

test('the demo 义诊, seeded in UTC, shows at 8:30 China time on the list and the detail; 我报名的 is in date order', async () => {
  const wang = PERSONAS.residentWang.openid
  const cloud = clientFor(stack.cloud.url)
  const upcoming = (await cloud.okAs(wang, eventsFn.list, { tab: 'upcoming', limit: 20 })).items
  const clinic = upcoming.find((e) => e.kind === 'clinic' && e.title.includes('义诊'))!
  const council = upcoming.find((e) => e.kind === 'council')!
  const day = (at: number) => `${chinaParts(at).m}月${chinaParts(at).d}日`

  const { page } = await phone(browser())
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Asia/Shanghai')
  await pickPersona(page, wang, stack.appUrl)
  await openPage(page, '/pages/events/index/index', stack.appUrl)
  await expectText(vis(page, `event-${clinic.id}`), `${day(clinic.startAt)} 08:30`)

  // 我报名的: Wang's 义诊 (in 3 days) before the 议事会 (on the next 逢四 day, at least 3 days on)
  await vis(page, 'event-tabs').getByText('我报名的', { exact: true }).click()
  await vis(page, `event-${council.id}`).waitFor()
  const order = await page.locator('[data-testid^="event-"]:visible').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')))
  expect(order.filter((id) => id !== 'event-tabs')).toEqual([`event-${clinic.id}`, `event-${council.id}`])
  await shot(page, 'china-time-01-mine')

  await vis(page, `event-${clinic.id}`).click()
  await expectText(vis(page, 'event-times'), `${day(clinic.startAt)} 08:30 — ${day(clinic.endAt)} 11:30`)
  await settled(page)
  await shot(page, 'china-time-02-detail')
})
