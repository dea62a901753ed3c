import { parseMultipart } from './multipart'

test('reads the named parts of a form-data body, binary included', async () => {
  const form = new FormData()
  form.append('action', 'wx.openApi')
  form.append('requestData', new Blob([Buffer.from([0, 13, 10, 45, 45, 255])]))
  const req = new Request('http://x/', { method: 'POST', body: form })
  const parts = parseMultipart(Buffer.from(await req.arrayBuffer()), req.headers.get('content-type')!)
  expect(parts.get('action')?.toString()).toBe('wx.openApi')
  expect(parts.get('requestData')).toEqual(Buffer.from([0, 13, 10, 45, 45, 255]))
})

test('a body without boundary or terminator is refused', () => {
  expect(() => parseMultipart(Buffer.from('x'), 'multipart/form-data')).toThrow(/boundary/)
  expect(() => parseMultipart(Buffer.from('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nv'), 'multipart/form-data; boundary=b')).toThrow(/unterminated/)
})
