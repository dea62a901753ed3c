import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { OrderView } from '@core/orders/schemas'
import { api } from '@/api'
import { BigButton, Field, FormError, Page, PhoneCall, RoleGate, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction, useQuery } from '@/hooks/use-query'
import { OrderFacts, Timeline } from '@/pages/order/parts/order-detail'
import { NoteForm } from '@/pages/order/parts/note-form'
import { PhotoPicker, type Photo } from '@/pages/order/parts/photos'
import { askOrderSubscribe } from '@/pages/order/parts/subscribe'

/** A volunteer's view of an order: take it, call the resident (after accepting), start, report done or give it back. */
export default function VolunteerOrder() {
  const id = useRouter().params.id ?? ''
  const me = useMe()
  const q = useQuery(api.orders.get, { orderId: id })
  return (
    <Page>
      <RoleGate me={me} roles={['volunteer']}>
        <StateView loading={q.loading} hasData={!!q.data} error={q.error} onRetry={q.reload}>
          {q.data && (
            <>
              <OrderFacts o={q.data} />
              <Actions o={q.data} mine={q.data.volunteerId === me.data?.profile?.openid} onDone={() => void q.reload()} />
              <Timeline o={q.data} />
            </>
          )}
        </StateView>
      </RoleGate>
    </Page>
  )
}

function Actions({ o, mine, onDone }: { o: OrderView; mine: boolean; onDone: () => void }) {
  const accept = useAction(api.orders.accept)
  const start = useAction(api.orders.start)
  const done = useAction(api.orders.reportDone)
  const release = useAction(api.orders.release)
  const [photos, setPhotos] = useState<Photo[]>([])
  // the accept tap is the natural moment to ask for progress messages (confirmed, rated…)
  const take = async () => ran(await accept.run({ orderId: o._id, subscribe: await askOrderSubscribe() }))
  const ran = (out: unknown) => out !== undefined && onDone()
  const held = mine && (o.status === 'accepted' || o.status === 'in_service')
  const error = accept.error ?? start.error ?? done.error ?? release.error
  return (
    <View className='card' data-testid='volunteer-actions'>
      {o.status === 'open' && (
        <BigButton type='success' loading={accept.pending} onClick={take}>
          我来帮忙（接单）
        </BigButton>
      )}
      {held && o.contactPhone && <PhoneCall phone={o.contactPhone} label={`打电话给${o.contactName}`} />}
      {mine && o.status === 'accepted' && (
        <BigButton loading={start.pending} onClick={async () => ran(await start.run({ orderId: o._id }))}>
          开始服务
        </BigButton>
      )}
      {held && (
        <Field label='完工照片（可不拍，最多3张）' path='photos' error={done.error}>
          <PhotoPicker value={photos} onChange={setPhotos} testId='done-photos' />
        </Field>
      )}
      {held && (
        <NoteForm label='做完了？写几句说明' placeholder='例如：已疏通，换了一段软管' submit='服务完成' type='success' pending={done.pending} testId='done-form' onSubmit={async (note) => ran(await done.run({ orderId: o._id, note, photos: photos.map((p) => p.fileId) }))} />
      )}
      {held && (
        <NoteForm label='来不了了？' placeholder='原因' submit='放弃这张单子' type='default' pending={release.pending} testId='release-form' onSubmit={async (reason) => ran(await release.run({ orderId: o._id, reason }))} />
      )}
      {mine && o.status === 'done' && <View className='ok-text'>已完成，等居民确认</View>}
      {mine && o.status === 'confirmed' && <View className='ok-text' data-testid='earned'>居民已确认，获得 {o.points} 积分，谢谢您！</View>}
      <FormError error={error} fields={['photos']} testId='volunteer-error' />
    </View>
  )
}
