import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '@/api'
import { BigButton, Page, RoleGate } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction } from '@/hooks/use-query'

/** 摊位核销: scan the resident's QR or type the 8-letter code; one call shows who, what and what is left. */
export default function BoothPage() {
  const me = useMe()
  const verify = useAction(api.points.verify)
  const cancel = useAction(api.points.cancelRedemption)
  const [code, setCode] = useState('')
  const [done, setDone] = useState<{ name: string; giftName: string; remaining: number }>()
  const run = async (value: string) => {
    setDone(undefined)
    const r = await verify.run({ code: value })
    if (r) {
      setDone(r)
      setCode('')
    }
  }
  const scan = async () => {
    const r = await Taro.scanCode({ onlyFromCamera: true }).catch(() => null)
    if (r?.result) await run(r.result)
  }
  return (
    <Page>
      <RoleGate me={me} roles={['staff', 'admin']}>
        {process.env.TARO_ENV === 'weapp' && <BigButton onClick={() => void scan()}>扫码核销</BigButton>}
        <View className='field-label'>或输入兑换码（8位，不分大小写）</View>
        <Input className='field-input' data-testid='booth-code' value={code} onInput={(e) => setCode(e.detail.value)} placeholder='如 ABCD-EFGH' />
        <BigButton loading={verify.pending} onClick={() => void run(code)}>核销</BigButton>
        <BigButton type='default' loading={cancel.pending} onClick={async () => (await cancel.run({ code, reason: '居民不要了' })) && setCode('')}>取消兑换并退积分</BigButton>
        {done && (
          <View className='card ok-text' data-testid='booth-done'>
            <Text className='h-title'>请交给 {done.name}：{done.giftName}</Text>
            <View>本摊位还剩 {done.remaining} 份</View>
          </View>
        )}
        {(verify.error ?? cancel.error) && <View className='error-text'>{(verify.error ?? cancel.error)!.message}</View>}
      </RoleGate>
    </Page>
  )
}
