import fs from 'node:fs'
import path from 'node:path'

/**
 * Sharing is off on every page that shows people's data: a page shares only when its config says
 * enableShareAppMessage / enableShareTimeline (Taro adds WeChat's share handlers only then), and only
 * these public pages may.
 */
const MAY_SHARE = new Set(['pages/home/index', 'pages/events/index/index', 'pages/events/detail/index'])
const SRC = path.join(__dirname, '..', 'src')

function pageConfigs(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? pageConfigs(p) : e.name === 'index.config.ts' ? [p] : []
  })
}

test('only public pages enable sharing', () => {
  const sharing = pageConfigs(SRC)
    .filter((f) => /enableShare(AppMessage|Timeline)\s*:\s*true/.test(fs.readFileSync(f, 'utf8')))
    .map((f) => path.relative(SRC, path.dirname(f)).replace(/\\/g, '/') + '/index')
  expect(sharing.filter((p) => !MAY_SHARE.has(p))).toEqual([])
  expect(pageConfigs(SRC).length).toBeGreaterThan(20)
})
