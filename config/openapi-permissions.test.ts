import fs from 'node:fs'
import path from 'node:path'
import { hasCheckedText, hasPhotos } from '../core/contract/walk'
import { community } from '../core/community/contract'
import { eventsFn } from '../core/events/contract'
import { orders } from '../core/orders/contract'
import { pointsFn } from '../core/points/contract'
import { users } from '../core/users/contract'

/**
 * WeChat's cloud lets a function call an open API only when its config.json lists it under
 * permissions.openapi; a missing entry fails in production only. Every API a function's code calls,
 * and the content checks for every function taking free text or photos (server/text-check.ts,
 * photo-check.ts), is listed.
 */
const ROOT = path.join(__dirname, '..', 'cloudfunctions')
const CONTRACTS = { community, events: eventsFn, orders, points: pointsFn, users }

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? sources(p) : /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : []
  })
}

const called = (fn: string) =>
  new Set(sources(path.join(ROOT, fn)).flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/openapi\s*\.\s*(\w+)\s*\.\s*(\w+)\s*\(/g)].map((m) => `${m[1]}.${m[2]}`)))

test.each(Object.keys(CONTRACTS))('%s lists every open API it calls', (fn) => {
  const listed = (JSON.parse(fs.readFileSync(path.join(ROOT, fn, 'config.json'), 'utf8')) as { permissions: { openapi: string[] } }).permissions.openapi
  const needed = called(fn)
  const contracts = Object.values(CONTRACTS[fn as keyof typeof CONTRACTS])
  if (contracts.some((c) => hasCheckedText(c.input))) needed.add('security.msgSecCheck')
  if (contracts.some((c) => hasPhotos(c.input))) needed.add('security.imgSecCheck')
  expect([...needed].filter((api) => !listed.includes(api))).toEqual([])
})

test('the scan finds calls written over several lines', () => {
  expect(called('events').has('subscribeMessage.send')).toBe(true)
})
