import { askSubscribe } from '@/lib/subscribe'

/**
 * Template id of the "order status" subscribe message, a build constant (config/constants.ts:
 * TARO_APP_TEMPLATE_ORDER). The functions send with LINLI_TEMPLATE_ORDER; both must be the id from
 * the mini-program's 订阅消息 console (see README).
 */
export const ORDER_TEMPLATE = process.env.TARO_APP_TEMPLATE_ORDER as string

/** Ask at a natural tap (submit, accept) to be told about progress; the granted template ids, if any. */
export const askOrderSubscribe = (): Promise<string[] | undefined> => askSubscribe(ORDER_TEMPLATE)
