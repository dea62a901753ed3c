import Taro from '@tarojs/taro'

/**
 * Template id of the "order status" subscribe message, a build constant (config/constants.ts:
 * TARO_APP_TEMPLATE_ORDER). The functions send with LINLI_TEMPLATE_ORDER; both must be the id from
 * the mini-program's 订阅消息 console (see README).
 */
export const ORDER_TEMPLATE = process.env.TARO_APP_TEMPLATE_ORDER as string

/** Ask at a natural tap (submit, accept) to be told about progress; the granted template ids, if any. */
export async function askOrderSubscribe(): Promise<string[] | undefined> {
  if (process.env.TARO_ENV !== 'weapp') return undefined
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: [ORDER_TEMPLATE], entityIds: [] } as never)) as Record<string, string>
    return res[ORDER_TEMPLATE] === 'accept' ? [ORDER_TEMPLATE] : undefined
  } catch {
    return undefined
  }
}
