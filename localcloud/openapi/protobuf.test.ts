import protobuf from 'protobufjs'
import { decodeCommApiData, encodeCommOpenApiResp } from './protobuf'

// The same messages as wx-server-sdk's src/protobuf/openapi.js, built with protobufjs (an SDK dependency).
const root = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: { fields: { key: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 }, contenttype: { type: 'string', id: 3 }, filename: { type: 'string', id: 4 } } },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: { fields: { apiType: { type: 'int32', id: 1 }, openapiData: { type: 'OpenApiData', id: 2 }, appid: { type: 'string', id: 6 } } },
    CommOpenApiResp: { fields: { respData: { type: 'bytes', id: 1 }, contentType: { type: 'string', id: 2 }, errorCode: { type: 'int32', id: 3 }, httpCode: { type: 'uint32', id: 4 } } },
  },
})

test('decodes what the SDK encodes', () => {
  const T = root.lookupType('CommApiData')
  const bytes = T.encode(
    T.create({
      apiType: 0,
      appid: 'wx123',
      openapiData: { pairs: [{ key: 'content', value: Buffer.from('"你好"') }, { key: 'img', value: Buffer.from([1, 2, 3]), contenttype: 'image/png', filename: 'img.png' }] },
    }),
  ).finish()
  const msg = decodeCommApiData(Buffer.from(bytes))
  expect(msg.appid).toBe('wx123')
  expect(msg.pairs[0]).toEqual({ key: 'content', value: Buffer.from('"你好"') })
  expect(msg.pairs[1]).toEqual({ key: 'img', value: Buffer.from([1, 2, 3]), contentType: 'image/png', filename: 'img.png' })
})

test('encodes what the SDK decodes, negative error codes included', () => {
  const T = root.lookupType('CommOpenApiResp')
  const ok = T.toObject(T.decode(encodeCommOpenApiResp({ respData: Buffer.from('{"errcode":0}'), contentType: 'application/json', httpCode: 200 })))
  expect(Buffer.from(ok.respData).toString()).toBe('{"errcode":0}')
  expect(ok).toMatchObject({ contentType: 'application/json', httpCode: 200 })
  const err = T.toObject(T.decode(encodeCommOpenApiResp({ respData: Buffer.alloc(0), contentType: '', errorCode: -604100 })))
  expect(err.errorCode).toBe(-604100)
})

test('truncated input is an error, not a hang', () => {
  expect(() => decodeCommApiData(Buffer.from([0x12, 0xff]))).toThrow()
})
