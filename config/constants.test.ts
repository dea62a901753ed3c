import fs from 'node:fs'
import path from 'node:path'
import { BUILD_SETTINGS, buildConstants } from './constants'

const SRC = path.join(__dirname, '..', 'src')
/** TARO_APP_ID is read by Taro itself (it writes the appid into the weapp's project config). */
const READ_BY_TARO = ['TARO_APP_ID']

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(e.name) && !/\.test\./.test(e.name) ? [p] : []
  })
}

test('every process.env.TARO_APP_* the app reads is a build constant, so a value set in the shell or CI ships', () => {
  const read = new Set(sources(SRC).flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/process\.env\.(TARO_APP_[A-Z0-9_]+)/g)].map((m) => m[1])))
  expect([...read].filter((k) => !(k in BUILD_SETTINGS) && !READ_BY_TARO.includes(k))).toEqual([])
  expect(read.has('TARO_APP_TEMPLATE_ORDER')).toBe(true)
})

test('a value from the environment wins over the default', () => {
  expect(buildConstants({ TARO_APP_TEMPLATE_ORDER: 'tmpl-from-ci' })['process.env.TARO_APP_TEMPLATE_ORDER']).toBe('"tmpl-from-ci"')
  expect(buildConstants({})['process.env.TARO_APP_TEMPLATE_EVENT']).toBe('"event_reminder"')
})
