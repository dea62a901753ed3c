import { useEffect, useState } from 'react'
import { View, Input } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, Field, FormError, StateView } from '@/components'
import { useStructure } from '@/hooks/use-me'
import { useAction } from '@/hooks/use-query'

/** The community office's phone: residents call it with one tap from the home page. */
export function PhoneSection() {
  const structure = useStructure()
  const [phone, setPhone] = useState('')
  const [saved, setSaved] = useState(false)
  const save = useAction(api.community.setPhone)
  const current = structure.data?.community.phone ?? ''
  useEffect(() => setPhone(current), [current])
  const submit = async () => {
    if (await save.run({ phone })) {
      setSaved(true)
      await structure.reload()
    }
  }
  return (
    <StateView loading={structure.loading} hasData={!!structure.data} error={structure.error} onRetry={structure.reload}>
      <View className='card' data-testid='community-phone'>
        <View className='h-title'>{structure.data?.community.name}的电话</View>
        <Field label='社区电话（居民首页一键拨打）' path='phone' error={save.error} hint='急救120、报警110 另有按钮，不用填在这里'>
          <Input
            className='field-input'
            data-testid='community-phone-input'
            value={phone}
            maxlength={15}
            placeholder='例如：021-55550101'
            onInput={(e) => {
              setPhone(e.detail.value)
              setSaved(false)
            }}
          />
        </Field>
        <FormError error={save.error} fields={['phone']} />
        {saved && <View className='ok-text' data-testid='community-phone-saved'>已保存</View>}
        <BigButton onClick={() => void submit()} loading={save.pending}>
          保存
        </BigButton>
      </View>
    </StateView>
  )
}
