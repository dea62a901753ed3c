import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Input, Textarea } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, ChipPicker, Field, FormError } from '@/components'
import { useAction } from '@/hooks/use-query'
import { useMe } from '@/hooks/use-me'
import { NeighbourFields, NO_NEIGHBOUR } from './neighbour-fields'
import { askSubscribe } from '@/lib/subscribe'
import './council.scss'

const TOPIC_TEMPLATE = process.env.TARO_APP_TEMPLATE_TOPIC as string
/** A page parameter as text (some runtimes hand it over still encoded). */
const decoded = (v: string | undefined) => {
  try {
    return decodeURIComponent(v ?? '')
  } catch {
    return v ?? ''
  }
}
const EMPTY = { title: '', detail: '', proxy: false, nb: NO_NEIGHBOUR }

/** 提议题: a title and a few words; a 楼栋长 or 网格员 may raise one for a neighbour without a phone. */
export function RaiseForm({ onRaised }: { onRaised: () => void }) {
  const me = useMe()
  const raise = useAction(api.council.raiseTopic)
  // opened from a dashboard hotspot: its title and explanation are written already
  const params = useRouter().params
  const [f, setF] = useState(() => ({ ...EMPTY, title: decoded(params.title), detail: decoded(params.detail) }))
  const [done, setDone] = useState('')
  const set = (p: Partial<typeof EMPTY>) => setF((x) => ({ ...x, ...p }))
  const canProxy = me.has('building_lead', 'staff', 'admin')
  const submit = async () => {
    const subscribe = await askSubscribe(TOPIC_TEMPLATE)
    const onBehalfOf = f.proxy ? f.nb : undefined
    const r = await raise.run({ title: f.title, detail: f.detail, onBehalfOf, subscribe })
    if (!r) return
    setF(EMPTY)
    setDone('议题已提交，社区受理后邻居们就可以附议了')
    onRaised()
  }
  return (
    <View className='card' data-testid='raise-form'>
      <View className='h-title'>提一个议题</View>
      <View className='h-sub'>小区里大家关心的事，提出来在议事会上一起商量</View>
      <Field label='议题（一句话）' path='title' error={raise.error}>
        <Input className='field-input order-text' data-testid='topic-title' value={f.title} maxlength={30} placeholder='例如：楼道灯晚上不亮' onInput={(e) => set({ title: e.detail.value })} />
      </Field>
      <Field label='说明' path='detail' error={raise.error} count={[f.detail.length, 500]}>
        <Textarea className='field-input field-textarea order-text' data-testid='topic-detail' value={f.detail} maxlength={500} placeholder='说说是什么情况、希望怎么办' onInput={(e) => set({ detail: e.detail.value })} />
      </Field>
      {canProxy && (
        <ChipPicker
          testId='topic-proxy'
          options={[
            { value: 'self', label: '我自己提' },
            { value: 'proxy', label: '替邻居提' },
          ]}
          value={[f.proxy ? 'proxy' : 'self']}
          onChange={([v]) => set({ proxy: v === 'proxy' })}
        />
      )}
      {f.proxy && <NeighbourFields value={f.nb} onChange={(nb) => set({ nb })} path='onBehalfOf' error={raise.error} testId='topic-proxy-form' />}
      <FormError error={raise.error} fields={['title', 'detail', 'onBehalfOf']} testId='raise-error' note='（已为您保留填写的内容）' />
      {done && <View className='ok-text' data-testid='raise-done'>{done}</View>}
      <BigButton onClick={submit} loading={raise.pending}>提交议题</BigButton>
    </View>
  )
}
