import { useState } from 'react'
import { View, Input } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, Field, FormError } from '@/components'
import { AskFirstButton } from '@/components/ask-first'
import { useAction } from '@/hooks/use-query'
import type { StaffWishView } from '@core/wishes/contract'

type Done = () => Promise<void>

/** The author sends the draft for review. */
export function Submit({ w, onDone }: { w: StaffWishView; onDone: Done }) {
  const submit = useAction(api.wishes.submit)
  return (
    <View className='card'>
      <BigButton loading={submit.pending} onClick={async () => (await submit.run({ wishId: w._id })) && onDone()}>送审</BigButton>
      <FormError error={submit.error} />
    </View>
  )
}

/** A colleague (not the author) approves it for donors to claim, or says why not. */
export function Review({ w, onDone }: { w: StaffWishView; onDone: Done }) {
  const review = useAction(api.wishes.review)
  const [reason, setReason] = useState('')
  return (
    <View className='card' data-testid='review-form'>
      <View className='h-title'>审核（录入人不能审核自己录的）</View>
      <BigButton type='success' loading={review.pending} onClick={async () => (await review.run({ wishId: w._id, approve: true })) && onDone()}>通过，公开认领</BigButton>
      <Field label='不通过的理由' path='reason' error={review.error}>
        <Input className='field-input order-text' data-testid='review-reason' value={reason} maxlength={100} onInput={(e) => setReason(e.detail.value)} />
      </Field>
      <BigButton type='default' loading={review.pending} onClick={async () => (await review.run({ wishId: w._id, approve: false, reason: reason || undefined })) && onDone()}>不通过</BigButton>
      <FormError error={review.error} fields={['reason']} />
    </View>
  )
}

/** Take it down (before any gift arrived), with a reason; held claims end with it. */
export function Withdraw({ w, onDone }: { w: StaffWishView; onDone: Done }) {
  const withdraw = useAction(api.wishes.withdraw)
  const [reason, setReason] = useState('')
  return (
    <View className='card'>
      <Field label='撤下的理由' path='reason' error={withdraw.error}>
        <Input className='field-input order-text' value={reason} maxlength={100} onInput={(e) => setReason(e.detail.value)} />
      </Field>
      <AskFirstButton label='撤下这个心愿' ask={['撤下这个心愿？', '已有的认领会取消，捐赠人会看到已撤下，不能恢复。', '撤下']} pending={withdraw.pending} error={withdraw.error} run={async () => (await withdraw.run({ wishId: w._id, reason })) && onDone()} />
    </View>
  )
}
