/**
 * The poster code through the real SDK and the local cloud's open API and storage: a wxacode that
 * brings the event id back through its scene, made once and kept; only staff who run the event.
 */
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { eventsFn } from '../../core/events/contract'
import { EVENT_PAGE } from '../../core/events/share'
import { callAs, sdkDb, testCloud } from '../support/call'
import { newGrid, newResident } from '../support/people'
import { okAs } from './orders-support'
import { ADMIN, newEvent, publishBase, STAFF } from './points-support'

/** The wxacode calls the local cloud answered for this scene. */
const codesMadeFor = async (scene: string) => {
  const out = (await (await fetch(`${testCloud().url}/outbox?api=wxacode.getUnlimited`)).json()) as { list: { data: { scene: string; page: string } }[] }
  return out.list.filter((m) => m.data.scene === scene)
}

test('staff get a code that opens the event page with the event in the scene; it is made once', async () => {
  const e = await newEvent()
  const first = await okAs(STAFF, eventsFn.poster, { eventId: e.id })
  expect(first).toMatchObject({ page: EVENT_PAGE, scene: e.id })
  const png = PNG.sync.read(Buffer.from(await (await fetch(first.url)).arrayBuffer()))
  expect(png.width).toBeGreaterThanOrEqual(280)
  expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(e.id)

  const again = await okAs(ADMIN, eventsFn.poster, { eventId: e.id })
  expect(again.scene).toBe(e.id)
  expect(await codesMadeFor(e.id)).toEqual([expect.objectContaining({ data: expect.objectContaining({ page: EVENT_PAGE }) })])
  const doc = (await sdkDb().collection('events').doc(e.id).get()).data as { posterFileId?: string }
  expect(doc.posterFileId).toMatch(/posters\/.+\.png$/)
})

test('only staff who run the event; none for a cancelled one', async () => {
  const g = await newGrid('poster')
  const other = await okAs(ADMIN, eventsFn.publish, { ...publishBase(), audience: { kind: 'grid', gridId: g.gridId } })
  expect(await callAs(STAFF, eventsFn.poster, { eventId: other.id })).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_EVENT' } })
  const { openid } = await newResident({ buildingId: g.buildingId })
  expect(await callAs(openid, eventsFn.poster, { eventId: other.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  await okAs(ADMIN, eventsFn.cancelEvent, { eventId: other.id, reason: '改期' })
  expect(await callAs(ADMIN, eventsFn.poster, { eventId: other.id })).toMatchObject({ ok: false, error: { code: 'EVENT_CANCELLED', message: '这个活动已取消' } })
  expect(await codesMadeFor(other.id)).toEqual([])
})
