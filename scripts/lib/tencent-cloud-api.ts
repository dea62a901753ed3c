import crypto from 'node:crypto'

/**
 * A Tencent Cloud API 3.0 call, signed by hand with TC3-HMAC-SHA256 (Tencent Cloud's "签名方法 v3":
 * POST, JSON body, CanonicalURI "/", signed headers content-type and host, key derived as
 * HMAC("TC3" + SecretKey, date) → service → "tc3_request"). Used by deploy for the CloudBase (tcb)
 * action ModifySafeRule; node:crypto and fetch only, no SDK. The unit test checks the signature
 * against the worked example in that documentation.
 */
export interface Tc3Input {
  secretId: string
  secretKey: string
  /** product, e.g. "tcb"; the host is <service>.tencentcloudapi.com unless given */
  service: string
  host?: string
  action: string
  version: string
  region?: string
  /** UNIX seconds; the credential scope's date is its UTC date */
  timestamp: number
  /** the exact body that will be sent */
  payload: string
  contentType?: string
}

export interface Tc3Signed {
  canonicalRequest: string
  stringToSign: string
  signature: string
  authorization: string
  headers: Record<string, string>
}

const ALGORITHM = 'TC3-HMAC-SHA256'
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'

const sha256Hex = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex')
const hmac = (key: crypto.BinaryLike, msg: string) => crypto.createHmac('sha256', key).update(msg, 'utf8').digest()

export function tc3Sign(i: Tc3Input): Tc3Signed {
  const host = i.host ?? `${i.service}.tencentcloudapi.com`
  const contentType = i.contentType ?? JSON_CONTENT_TYPE
  const date = new Date(i.timestamp * 1000).toISOString().slice(0, 10)
  const signedHeaders = 'content-type;host'
  const canonicalRequest = ['POST', '/', '', `content-type:${contentType.toLowerCase()}\nhost:${host}\n`, signedHeaders, sha256Hex(i.payload)].join('\n')
  const scope = `${date}/${i.service}/tc3_request`
  const stringToSign = [ALGORITHM, String(i.timestamp), scope, sha256Hex(canonicalRequest)].join('\n')
  const signingKey = hmac(hmac(hmac(`TC3${i.secretKey}`, date), i.service), 'tc3_request')
  const signature = crypto.createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex')
  const authorization = `${ALGORITHM} Credential=${i.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`
  const headers: Record<string, string> = {
    Authorization: authorization,
    'Content-Type': contentType,
    'X-TC-Action': i.action,
    'X-TC-Version': i.version,
    'X-TC-Timestamp': String(i.timestamp),
  }
  if (i.region) headers['X-TC-Region'] = i.region
  return { canonicalRequest, stringToSign, signature, authorization, headers }
}

export interface TencentCloudClient {
  /** Calls `action` and resolves with the `Response` object; rejects with the API's error code and message. */
  call(action: string, params: Record<string, unknown>): Promise<Record<string, unknown>>
}

export interface ClientOptions {
  secretId: string
  secretKey: string
  service: string
  version: string
  region?: string
  fetch?: typeof fetch
  now?: () => number
}

export function tencentCloudClient(o: ClientOptions): TencentCloudClient {
  const doFetch = o.fetch ?? fetch
  const host = `${o.service}.tencentcloudapi.com`
  return {
    async call(action, params) {
      const payload = JSON.stringify(params)
      const timestamp = Math.floor((o.now ?? Date.now)() / 1000)
      const { headers } = tc3Sign({ ...o, host, action, timestamp, payload })
      const res = await doFetch(`https://${host}/`, { method: 'POST', headers, body: payload, signal: AbortSignal.timeout(30_000) })
      const text = await res.text()
      let body: { Response?: Record<string, unknown> & { Error?: { Code?: string; Message?: string } } }
      try {
        body = JSON.parse(text)
      } catch {
        throw new Error(`${o.service}.${action}: HTTP ${res.status}, not JSON: ${text.slice(0, 200)}`)
      }
      const r = body.Response
      if (!r) throw new Error(`${o.service}.${action}: HTTP ${res.status}, no Response: ${text.slice(0, 200)}`)
      if (r.Error) throw new Error(`${o.service}.${action}: ${r.Error.Code}: ${r.Error.Message} (RequestId ${r.RequestId})`)
      return r
    },
  }
}
