import { useState } from 'react'
import { View, Textarea } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, ChipPicker, Field, FormError } from '@/components'
import { DateTime } from '@/components/date-time'
import { useAction } from '@/hooks/use-query'
import { confirmFirst } from '@/lib/confirm'
import { chinaDay, DAY_MS } from '@core/china-time'
import { PhotoPicker, type Photo } from '../../pages/order/parts/photos'

/** The mediator: 达成协议 (terms, written or oral, the date to perform by, the signed paper's photo) or 调解未成 elsewhere. */
export function AgreeForm({ disputeId, onDone }: { disputeId: string; onDone: () => Promise<void> }) {
  const agree = useAction(api.disputes.agree)
  const [written, setWritten] = useState(true)
  const [terms, setTerms] = useState('')
  const [by, setBy] = useState(() => Date.now() + 7 * DAY_MS)
  const [photos, setPhotos] = useState<Photo[]>([])
  const submit = async () => {
    if (!(await confirmFirst('记录达成协议？', '协议内容和履行期限记下后不能再改；当事人会收到通知。', '记录'))) return
    if (await agree.run({ disputeId, written, terms, performBy: chinaDay(by), photo: photos[0]?.fileId })) await onDone()
  }
  return (
    <View className='card' data-testid='agree-form'>
      <View className='h-title'>达成协议</View>
      <ChipPicker testId='agree-written' options={[{ value: 'written', label: '书面协议（签了字）' }, { value: 'oral', label: '口头协议' }]} value={[written ? 'written' : 'oral']} onChange={([v]) => setWritten(v === 'written')} />
      <Field label='协议内容' path='terms' error={agree.error} count={[terms.length, 500]}>
        <Textarea className='field-input field-textarea order-text' data-testid='agree-terms' value={terms} maxlength={500} placeholder='谁做什么、什么时候做完、赔多少' onInput={(e) => setTerms(e.detail.value)} />
      </Field>
      <DateTime label='履行期限' path='performBy' at={by} error={agree.error} testId='perform-by' onChange={setBy} dateOnly />
      {written && (
        <Field label='签字的协议书照片（也可以之后再拍）' path='photo' error={agree.error}>
          <PhotoPicker value={photos} onChange={setPhotos} folder='disputes' max={1} testId='agree-photo' />
        </Field>
      )}
      <FormError error={agree.error} fields={['terms', 'performBy', 'photo']} />
      <BigButton type='success' loading={agree.pending} onClick={() => void submit()}>记录达成协议</BigButton>
    </View>
  )
}

/** The signed paper's photo, when the agreement was recorded without it: the agreement is then performed. */
export function AttachForm({ disputeId, onDone }: { disputeId: string; onDone: () => Promise<void> }) {
  const attach = useAction(api.disputes.attachAgreement)
  const [photos, setPhotos] = useState<Photo[]>([])
  return (
    <View className='card' data-testid='attach-form'>
      <View className='h-title'>拍下签字的协议书</View>
      <View className='h-sub'>原件请当事人收好；照片存档，只有当事人、调解员和社区工作人员能看。</View>
      <PhotoPicker value={photos} onChange={setPhotos} folder='disputes' max={1} testId='attach-photo' />
      <FormError error={attach.error} fields={['photo']} />
      <BigButton disabled={!photos.length} loading={attach.pending} onClick={async () => (await attach.run({ disputeId, photo: photos[0].fileId })) && onDone()}>
        上传协议书照片
      </BigButton>
    </View>
  )
}
