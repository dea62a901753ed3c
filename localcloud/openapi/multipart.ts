/** A minimal multipart/form-data reader (the SDK's form-data bodies: a few small named parts). */
export function parseMultipart(body: Buffer, contentType: string): Map<string, Buffer> {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  if (!m) throw new Error('multipart body without boundary')
  const delimiter = Buffer.from(`--${m[1] ?? m[2]}`)
  const parts = new Map<string, Buffer>()
  let pos = body.indexOf(delimiter)
  while (pos !== -1) {
    const start = pos + delimiter.length
    if (body.subarray(start, start + 2).toString() === '--') break
    const next = body.indexOf(delimiter, start)
    if (next === -1) throw new Error('unterminated multipart body')
    const part = body.subarray(start + 2, next - 2) // skip CRLF after the delimiter and before the next
    const headerEnd = part.indexOf('\r\n\r\n')
    if (headerEnd === -1) throw new Error('multipart part without headers')
    const headers = part.subarray(0, headerEnd).toString('utf8')
    const name = /name="([^"]*)"/i.exec(headers)?.[1]
    if (name !== undefined) parts.set(name, Buffer.from(part.subarray(headerEnd + 4)))
    pos = next
  }
  return parts
}
