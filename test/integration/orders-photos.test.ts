/**
 * Photos on orders (uploaded through the dev entry as the H5 app does), seen by staff as temp URLs;
 * subscribe grants taken at the volunteer's accept tap.
 */
import { orders } from '../../core/orders/contract'
import { callAs, okAs, testCloud } from '../support/call'
import { ensureLedgerCollections, makeUsers, newOrder, P } from './orders-support'

const PNG = Buffer.from('89504e470d0a1a0a0000000d494844520000000100000001', 'hex')

async function upload(cloudPath: string, bytes: Buffer): Promise<string> {
  const res = await fetch(`${testCloud().url}/dev/upload`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cloudPath, base64: bytes.toString('base64') }),
  })
  const body = (await res.json()) as { fileID: string }
  expect(body.fileID).toMatch(/^cloud:\/\//)
  return body.fileID
}

const sentTo = async (openid: string, orderId: string) => {
  const outbox = (await (await fetch(`${testCloud().url}/outbox?api=subscribeMessage.send`)).json()) as { list: { data: { touser: string; page: string } }[] }
  return outbox.list.filter((m) => m.data.touser === openid && m.data.page.includes(orderId)).length
}

describe('orders: photos and subscribe grants', () => {
  const V = { a: '' }
  beforeAll(async () => {
    await ensureLedgerCollections()
    ;[V.a] = await makeUsers(1, { prefix: 'photo-v', volunteer: { skills: ['repair_pipe'] } })
  })

  it('a resident attaches photos; staff of the grid get working temp URLs; staff of another grid see nothing', async () => {
    const [a, b] = [await upload(`orders/it/${Date.now()}-a.png`, PNG), await upload(`orders/it/${Date.now()}-b.png`, Buffer.concat([PNG, PNG]))]
    const o = await newOrder(P.wang, { photos: [a, b] })
    const seen = await okAs(P.zhang, orders.get, { orderId: o._id })
    expect(seen.photos).toEqual([a, b])
    expect(Object.keys(seen.photoUrls).sort()).toEqual([a, b].sort())
    const res = await fetch(seen.photoUrls[a])
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG)
    expect((await callAs(P.chen, orders.get, { orderId: o._id })).ok).toBe(false)
  })

  it('a photo whose file is gone is left out of photoUrls, the order still opens', async () => {
    const o = await newOrder(P.wang, { photos: ['cloud://local.6c6f-local-1250000000/orders/it/never-uploaded.png'] })
    const seen = await okAs(P.wang, orders.get, { orderId: o._id })
    expect(seen.photos).toHaveLength(1)
    expect(seen.photoUrls).toEqual({})
  })

  it('more than 3 photos, or a file outside orders/, is refused', async () => {
    const ok = (n: number) => `cloud://local.6c6f-local-1250000000/orders/it/${n}.png`
    const four = await callAs(P.wang, orders.create, { category: 'repair_pipe', description: '漏水', photos: [ok(1), ok(2), ok(3), ok(4)] })
    expect(four).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    // only files the app uploads (under orders/): an order must not hand out temp URLs of other files
    for (const bad of ['https://evil.example/a.png', 'cloud://local.6c6f-local-1250000000/private/idcard.png', 'cloud://local.6c6f-local-1250000000/orders/../private/idcard.png']) {
      const r = await callAs(P.wang, orders.create, { category: 'repair_pipe', description: '厨房漏水了', photos: [bad] })
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      const done = await callAs(P.li, orders.reportDone, { orderId: 'o0000000000a', note: '好了', photos: [bad] })
      expect(done).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
  })

  it('done photos from the volunteer show on the resident detail; the accept-time grant sends the volunteer the rating notice', async () => {
    const o = await newOrder(P.wang)
    await okAs(P.zhang, orders.publish, { orderId: o._id, points: 5 })
    await okAs(V.a, orders.accept, { orderId: o._id, subscribe: ['order_status'] })
    await okAs(V.a, orders.start, { orderId: o._id })
    const done = await upload(`orders/it/${o._id}-done.png`, PNG)
    await okAs(V.a, orders.reportDone, { orderId: o._id, note: '修好了', photos: [done] })
    const seen = await okAs(P.wang, orders.get, { orderId: o._id })
    expect(seen.donePhotos).toEqual([done])
    expect(seen.photoUrls[done]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//)
    expect(await sentTo(V.a, o._id)).toBe(0)
    await okAs(P.wang, orders.confirm, { orderId: o._id, stars: 4 })
    // one grant → exactly one message (the 'rated' notice), however many notices follow
    expect(await sentTo(V.a, o._id)).toBe(1)
  })

  it('the dispatcher\'s grant at 派单 carries the notice that the volunteer brought it back, and opens the staff page', async () => {
    const o = await newOrder(P.wang)
    await okAs(P.zhang, orders.publish, { orderId: o._id, points: 5, subscribe: ['order_status'] })
    await okAs(V.a, orders.accept, { orderId: o._id })
    expect(await sentTo(P.zhang, o._id)).toBe(0)
    await okAs(V.a, orders.release, { orderId: o._id, reason: '临时要去医院' })
    expect(await sentTo(P.zhang, o._id)).toBe(1)
    const outbox = (await (await fetch(`${testCloud().url}/outbox?api=subscribeMessage.send`)).json()) as { list: { data: { touser: string; page: string } }[] }
    const pages = outbox.list.filter((m) => m.data.touser === P.zhang && m.data.page.includes(o._id)).map((m) => m.data.page)
    expect(pages).toEqual([`staff/pages/triage-order/index?id=${o._id}`])
  })
})
