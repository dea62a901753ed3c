/** Who calls a function, as the real cloud hands it to getWXContext(). */
export interface CallerIdentity {
  openid?: string
  appid?: string
  unionid?: string
  /** TCB_SOURCE: wx_client, wx_devtools, wx_http, `wx_client,scf` for a function called by a function… */
  source?: string
  clientIp?: string
}

/** The app id reported when the caller does not bring one (a mini program app id is wx + 16 hex). */
export const LOCAL_APPID = 'wx0000000000000000'

/** Keys the real runtime lists in WX_CONTEXT_KEYS; getWXContext() reads them (minus the API tokens). */
const WX_CONTEXT_KEYS = 'WX_APPID,WX_OPENID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6,WX_API_TOKEN,WX_TRIGGER_API_TOKEN_V0'
const TCB_CONTEXT_KEYS = 'TCB_ENV,TCB_SEQID,TRIGGER_SRC,TCB_SOURCE,TCB_SESSIONTOKEN'

/**
 * The environment one invocation sees. Every identity key is set (possibly to undefined) so that
 * nothing leaks in from the host process or from another invocation. The API token is how the
 * SDK's later requests (callFunction, open API…) tell the hub on whose behalf they run.
 */
export function identityEnv(id: CallerIdentity, token: string, timer: boolean): Record<string, string | undefined> {
  return {
    WX_CONTEXT_KEYS,
    TCB_CONTEXT_KEYS,
    WX_OPENID: id.openid,
    WX_APPID: id.appid ?? LOCAL_APPID,
    WX_UNIONID: id.unionid,
    WX_CLIENTIP: id.clientIp,
    WX_CLIENTIPV6: undefined,
    TCB_SOURCE: id.source,
    TRIGGER_SRC: timer ? 'timer' : undefined,
    WX_API_TOKEN: timer ? undefined : token,
    WX_TRIGGER_API_TOKEN_V0: timer ? token : undefined,
  }
}
