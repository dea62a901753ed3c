import Taro from '@tarojs/taro'

/** Ask at a natural tap to be told later (weapp only; H5 has none): the template ids granted, if any. */
export async function askSubscribe(template: string): Promise<string[] | undefined> {
  if (process.env.TARO_ENV !== 'weapp' || !template) return undefined
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: [template], entityIds: [] } as never)) as Record<string, string>
    return res[template] === 'accept' ? [template] : undefined
  } catch {
    return undefined
  }
}
