import Taro from '@tarojs/taro'

/**
 * Template id of the "order status" subscribe message. The functions send with LINLI_TEMPLATE_ORDER;
 * both default to 'order_status' and must be set to the same id from the mini-program's 订阅消息
 * console (build: TARO_APP_TEMPLATE_ORDER; see README). H5 has no `process`.
 */
export const ORDER_TEMPLATE: string = (() => {
  try {
    return process.env.TARO_APP_TEMPLATE_ORDER || 'order_status'
  } catch {
    return 'order_status'
  }
})()

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
