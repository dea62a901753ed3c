import { useState } from 'react'
import { View, Input, Textarea } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, ChipPicker, Field, FormError } from '@/components'
import { useAction } from '@/hooks/use-query'
import { confirmFirst } from '@/lib/confirm'
import { shortDate } from '@/lib/time'
import type { StaffWishView } from '@core/wishes/contract'
import { CLAIM_STATUS_LABELS } from '@core/wishes/vocab'
import { PhotoPicker, type Photo } from '../../pages/order/parts/photos'

type Done = () => Promise<void>

/** The donors' claims; staff 收下 each gift at the station (a service: schedule it, which makes its service order). */
export function Claims({ w, onDone }: { w: StaffWishView; onDone: Done }) {
  const receive = useAction(api.wishes.receive)
  if (!w.claims.length) return null
  return (
    <View className='card' data-testid='wish-claims'>
      <View className='h-title'>认领（{w.shares - w.sharesLeft}/{w.shares} 份）</View>
      {w.claims.map((c) => (
        <View key={c.claimId} className='wish-line' data-testid={`claim-${c.claimId}`}>
          {c.donorName} · {c.shares}份 · {CLAIM_STATUS_LABELS[c.status]}{c.status === 'held' ? `（${shortDate(c.expiresAt)}前）` : ''}
          {c.status === 'held' && (
            <BigButton type='default' loading={receive.pending} onClick={async () => (await receive.run({ claimId: c.claimId })) && onDone()}>
              {w.kind === 'service' ? '排定服务（生成服务单）' : '礼物收到了'}
            </BigButton>
          )}
        </View>
      ))}
      <FormError error={receive.error} />
    </View>
  )
}

/** Staff hand the gift to the child: photos of the gift (the child in them only with the guardian's consent, recorded first). */
export function Deliver({ w, onDone }: { w: StaffWishView; onDone: Done }) {
  const deliver = useAction(api.wishes.deliver)
  const consent = useAction(api.wishes.recordConsent)
  const [photos, setPhotos] = useState<Photo[]>([])
  const [child, setChild] = useState(false)
  const [guardian, setGuardian] = useState(w.ref.guardian.name)
  return (
    <View className='card' data-testid='deliver-form'>
      <View className='h-title'>送到孩子手里</View>
      <PhotoPicker value={photos} onChange={setPhotos} folder='wishes' max={6} testId='gift-photos' />
      <ChipPicker testId='child-in-photo' options={[{ value: 'no', label: '照片只拍礼物' }, { value: 'yes', label: '照片里有孩子' }]} value={[child ? 'yes' : 'no']} onChange={([v]) => setChild(v === 'yes')} />
      {child && !w.consent && (
        <>
          <Field label='同意的监护人' path='guardianName' error={consent.error}>
            <Input className='field-input order-text' value={guardian} maxlength={20} onInput={(e) => setGuardian(e.detail.value)} />
          </Field>
          <BigButton type='default' loading={consent.pending} onClick={async () => (await consent.run({ wishId: w._id, guardianName: guardian })) && onDone()}>记下监护人同意</BigButton>
        </>
      )}
      <FormError error={deliver.error ?? consent.error} fields={['photos', 'guardianName']} />
      <BigButton loading={deliver.pending} onClick={async () => (await deliver.run({ wishId: w._id, photos: photos.map((p) => p.fileId), childInPhoto: child })) && onDone()}>已送到</BigButton>
    </View>
  )
}

/** The guardian (or staff) confirm it came true. */
export function Fulfil({ w, onDone }: { w: StaffWishView; onDone: Done }) {
  const fulfil = useAction(api.wishes.fulfil)
  const answer = async (byGuardian: boolean) => {
    if (!(await confirmFirst('心愿实现了？', '确认后捐赠人会看到"心愿已实现"，不能再改。', '确认'))) return
    if (await fulfil.run({ wishId: w._id, byGuardian })) await onDone()
  }
  return (
    <View className='card' data-testid='fulfil-form'>
      <BigButton type='success' loading={fulfil.pending} onClick={() => void answer(true)}>监护人确认实现了</BigButton>
      <BigButton type='default' loading={fulfil.pending} onClick={() => void answer(false)}>工作人员确认实现了</BigButton>
      <FormError error={fulfil.error} />
    </View>
  )
}

/** The thanks passed on to the donors (no name of the child in it). */
export function Thank({ w, onDone }: { w: StaffWishView; onDone: Done }) {
  const thank = useAction(api.wishes.thank)
  const [message, setMessage] = useState('')
  return (
    <View className='card' data-testid='thank-form'>
      <Field label='孩子或监护人的感谢（捐赠人会看到，不要写孩子的真名）' path='message' error={thank.error}>
        <Textarea className='field-input field-textarea order-text' data-testid='thank-text' value={message} maxlength={200} onInput={(e) => setMessage(e.detail.value)} />
      </Field>
      <FormError error={thank.error} fields={['message']} />
      <BigButton loading={thank.pending} onClick={async () => (await thank.run({ wishId: w._id, message })) && onDone()}>转达感谢</BigButton>
    </View>
  )
}
