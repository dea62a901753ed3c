/**
 * The test host's own negative controls, on hand-made mini-programs (test/fixtures/weapp): each
 * shows that something a phone would refuse makes a test fail here too.
 */
import path from 'node:path'
import { compileTemplates } from './support/render'
import { WeappHost } from './support/host'

const FIXTURES = path.resolve(__dirname, '../fixtures/weapp')
const start = () => WeappHost.start({ root: path.join(FIXTURES, 'mini'), cloudUrl: 'http://127.0.0.1:9' })

test('a broken template fails the compile step with WeChat\'s compiler message', () => {
  expect(() => compileTemplates(path.join(FIXTURES, 'broken'))).toThrow(/编译 \.wxml 文件错误|error/i)
})

test('a tap bound in WXML reaches its handler, and the page shows the new data', async () => {
  const host = await start()
  const page = await host.reLaunch('/pages/a/index')
  await page.tapId('good')
  await page.tapId('good')
  await page.waitForText('taps: 2')
  expect(page.maxSetData).toBeGreaterThan(0)
  host.assertClean()
  host.close()
})

test('a handler that touches localStorage fails the test: the logic layer has no browser globals', async () => {
  const host = await start()
  const page = await host.reLaunch('/pages/a/index')
  await page.tapId('storage')
  expect(host.errors.join('\n')).toMatch(/localStorage is not defined/)
  expect(() => host.assertClean()).toThrow(/localStorage is not defined/)
  host.close()
})

test('a tap where the WXML binds no tap reaches no handler and says so', async () => {
  const host = await start()
  const page = await host.reLaunch('/pages/a/index')
  await expect(page.tapId('unbound')).rejects.toThrow(/#unbound reached no handler/)
  expect(page.text()).not.toContain('taps: 99')
  host.close()
})
