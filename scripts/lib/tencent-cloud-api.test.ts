import crypto from 'node:crypto'
import { JSON_CONTENT_TYPE, tc3Sign, tencentCloudClient } from './tencent-cloud-api'

/**
 * The worked example of Tencent Cloud API 3.0 "签名方法 v3" (TC3-HMAC-SHA256): CVM DescribeInstances
 * in ap-guangzhou at 1551113065, with the documentation's example SecretId / SecretKey. Every value
 * expected below is printed in that documentation.
 */
const example = {
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
  service: 'cvm',
  action: 'DescribeInstances',
  version: '2017-03-12',
  region: 'ap-guangzhou',
  timestamp: 1551113065,
  payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
}
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex')

describe('TC3-HMAC-SHA256 signing', () => {
  it('reproduces the documented example step by step', () => {
    expect(sha256(example.payload)).toBe('35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064')
    const s = tc3Sign(example)
    expect(s.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n' +
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    )
    expect(sha256(s.canonicalRequest)).toBe('5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031')
    // 1551113065 is 2019-02-26 00:44:25 in UTC+8: the scope takes the UTC date
    expect(s.stringToSign).toBe('TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031')
    expect(s.signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168')
    expect(s.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, ' +
        'Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    )
    expect(s.headers).toEqual({
      Authorization: s.authorization,
      'Content-Type': JSON_CONTENT_TYPE,
      'X-TC-Action': 'DescribeInstances',
      'X-TC-Version': '2017-03-12',
      'X-TC-Timestamp': '1551113065',
      'X-TC-Region': 'ap-guangzhou',
    })
  })

  it('any change to key, body or time changes the signature', () => {
    const base = tc3Sign(example).signature
    expect(tc3Sign({ ...example, secretKey: example.secretKey + 'x' }).signature).not.toBe(base)
    expect(tc3Sign({ ...example, payload: example.payload.replace('1', '2') }).signature).not.toBe(base)
    expect(tc3Sign({ ...example, timestamp: example.timestamp + 1 }).signature).not.toBe(base)
    expect(tc3Sign({ ...example, region: undefined }).headers).not.toHaveProperty('X-TC-Region')
  })
})

describe('tencentCloudClient', () => {
  type Sent = { url: string; init: RequestInit }
  const fakeFetch = (sent: Sent[], answer: string, status = 200) =>
    (async (url: string, init: RequestInit) => {
      sent.push({ url, init })
      return new Response(answer, { status })
    }) as unknown as typeof fetch
  const opts = { secretId: 'AKIDtest', secretKey: 'key', service: 'tcb', version: '2018-06-08', now: () => 1551113065_000 }

  it('POSTs the signed JSON body to <service>.tencentcloudapi.com and resolves with Response', async () => {
    const sent: Sent[] = []
    const client = tencentCloudClient({ ...opts, fetch: fakeFetch(sent, '{"Response":{"RequestId":"r1"}}') })
    await expect(client.call('ModifySafeRule', { EnvId: 'e1', CollectionName: 'orders' })).resolves.toEqual({ RequestId: 'r1' })
    expect(sent).toHaveLength(1)
    const { url, init } = sent[0]
    expect(url).toBe('https://tcb.tencentcloudapi.com/')
    expect(init.method).toBe('POST')
    expect(init.body).toBe('{"EnvId":"e1","CollectionName":"orders"}')
    const payload = init.body as string
    const expected = tc3Sign({ ...opts, action: 'ModifySafeRule', timestamp: 1551113065, payload })
    expect(init.headers).toEqual(expected.headers)
    expect((init.headers as Record<string, string>).Authorization).toMatch(/Credential=AKIDtest\/2019-02-25\/tcb\/tc3_request/)
  })

  it('rejects with the API error code and message', async () => {
    const err = '{"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"bad signature"},"RequestId":"r2"}}'
    const client = tencentCloudClient({ ...opts, fetch: fakeFetch([], err) })
    await expect(client.call('ModifySafeRule', {})).rejects.toThrow('tcb.ModifySafeRule: AuthFailure.SignatureFailure: bad signature (RequestId r2)')
    const html = tencentCloudClient({ ...opts, fetch: fakeFetch([], '<html>502</html>', 502) })
    await expect(html.call('ModifySafeRule', {})).rejects.toThrow(/HTTP 502, not JSON/)
  })
})
