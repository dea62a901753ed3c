import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { api } from '@/api'
import { BigButton, FormError, Page, RoleGate } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction } from '@/hooks/use-query'
import { confirmFirst } from '@/lib/confirm'
import { EventHeading, useDeskEvent } from '../../parts/event-desk'

/** 摊位核销: scan the resident's QR or type the 8-letter code; one call shows who, what and what is left. */
export default function BoothPage() {
  const me = useMe()
  const event = useDeskEvent(useRouter().params.id ?? '', me.has('staff', 'admin'))
  const verify = useAction(api.points.verify)
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
        <EventHeading e={event.data} />
        {event.data?.booths.map((b) => (
          <View key={b.giftId} className='row' data-testid={`booth-left-${b.giftId}`}>
            <Text>{b.giftName}</Text>
            <Text>剩 {b.left ?? b.stock} 份</Text>
          </View>
        ))}
        {process.env.TARO_ENV === 'weapp' && <BigButton onClick={() => void scan()}>扫码核销</BigButton>}
        <View className='field-label'>或输入兑换码（8位，不分大小写）</View>
        <Input className='field-input' data-testid='booth-code' value={code} onInput={(e) => setCode(e.detail.value)} placeholder='如 ABCD-EFGH' />
        <BigButton loading={verify.pending} onClick={() => void run(code)}>核销</BigButton>
        {me.has('admin') && <AdminCancel code={code} onDone={() => setCode('')} />}
        {done && (
          <View className='card ok-text' data-testid='booth-done'>
            <Text className='h-title'>请交给 {done.name}：{done.giftName}</Text>
            <View>本摊位还剩 {done.remaining} 份</View>
          </View>
        )}
        <FormError error={verify.error} />
      </RoleGate>
    </Page>
  )
}

/** Only an admin cancels someone's reservation at the booth (with a reason); residents cancel their own on 爱心银行. */
function AdminCancel({ code, onDone }: { code: string; onDone: () => void }) {
  const cancel = useAction(api.points.cancelRedemption)
  const [reason, setReason] = useState('')
  const run = async () => {
    if (!(await confirmFirst('取消这个兑换？', '取消后积分退回居民，兑换码作废，礼品留在摊位。', '取消兑换'))) return
    if (await cancel.run({ code, reason })) onDone()
  }
  return (
    <View className='card'>
      <View className='field-label'>管理员取消兑换（写明原因）</View>
      <Input className='field-input' data-testid='cancel-reason' value={reason} onInput={(e) => setReason(e.detail.value)} placeholder='如：居民不要了' />
      <BigButton type='default' loading={cancel.pending} onClick={() => void run()}>取消兑换并退积分</BigButton>
      <FormError error={cancel.error} />
    </View>
  )
}
