import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Input, Textarea } from '@tarojs/components'
import { APPOINTMENT, CATEGORY_GROUPS, CATEGORY_LABELS, type Category } from '@core/orders/categories'
import { RELATIONS, URGENCY_LABELS, URGENCIES, WHEN_LABELS, WHENS, type Relation, type Urgency, type When } from '@core/orders/vocab'
import { api } from '@/api'
import { BigButton, ChipPicker, Field, FormError, Page, RoleGate } from '@/components'
import { useAction } from '@/hooks/use-query'
import { useMe, useStructure } from '@/hooks/use-me'
import { addressText, allBuildings } from '@/lib/address'
import { AppointmentPicker } from '../parts/appointment'
import { PhotoPicker, type Photo } from '../parts/photos'
import { askOrderSubscribe } from '../parts/subscribe'
import { clearDraft, EMPTY, loadDraft, saveDraft, type Draft, type Neighbour } from './draft'

const FIELDS = ['category', 'description', 'photos', 'urgency', 'when', 'appointmentAt']
const DESCRIPTION_MAX = 500

/**
 * 服务点单 for the common case: home → a category → a few words → 提交 (address and room are home's).
 * The button is never grey: what is missing is said in red at its field.
 */
export default function NewOrder() {
  const me = useMe()
  const structure = useStructure()
  const [d, setD] = useState<Draft>(loadDraft)
  // photos stay while the page is open (a failed submit keeps them); temp previews do not outlive it
  const [photos, setPhotos] = useState<Photo[]>([])
  const create = useAction(api.orders.create)
  useEffect(() => saveDraft(d), [d])
  const set = (p: Partial<Draft>) => setD((x) => ({ ...x, ...p }))
  const profile = me.data?.profile
  const canProxy = me.has('building_lead', 'staff', 'admin')
  const scopes = me.data?.scopes
  const proxyBuildings = allBuildings(structure.data).filter(
    (b) => me.has('admin') || scopes?.buildings.includes(b.id) || scopes?.grids.includes(b.gridId),
  )

  const units = proxyBuildings.find((b) => b.id === d.nb.buildingId)?.units ?? []
  const booked = APPOINTMENT.includes(d.category!)
  const room = d.room === null ? profile?.room : d.room
  const named = (xs: { id: string; name: string }[]) => xs.map((x) => ({ value: x.id, label: x.name }))
  const nb = (p: Partial<Neighbour>) => set({ nb: { ...d.nb, ...p } })
  /** A one-line text about the neighbour (name, phone, room); 11 long is a phone. */
  const line = (label: string, key: 'name' | 'phone' | 'room', max: number) => (
    <Field label={label} path={`onBehalfOf.${key}`} error={create.error}>
      <Input className='field-input order-text' data-testid={`neighbour-${key}`} type={max === 11 ? 'number' : 'text'} value={d.nb[key]} maxlength={max} onInput={(e) => nb({ [key]: e.detail.value })} />
    </Field>
  )
  const submit = async () => {
    const subscribe = d.category ? await askOrderSubscribe() : undefined
    const out = await create.run({
      // sent as is: the server names what is missing at its field
      category: d.category as Category,
      description: d.description,
      urgency: d.urgency,
      when: d.when,
      photos: photos.map((p) => p.fileId),
      subscribe,
      appointmentAt: (booked && d.appointmentAt) || undefined,
      ...(d.proxy ? { onBehalfOf: d.nb } : { room }),
    })
    if (!out) return // the draft stays; the error shows below
    clearDraft()
    setD(EMPTY)
    setPhotos([])
    void Taro.redirectTo({ url: `/pages/order/detail/index?id=${out._id}` })
  }

  return (
    <Page>
      <RoleGate me={me} roles={['resident']}>
        <View className='card row' onClick={() => void Taro.navigateTo({ url: '/pages/order/list/index' })} data-testid='to-my-orders'>
          我的单子和进度 ›
        </View>
        <View className='card row' onClick={() => void Taro.navigateTo({ url: '/pages/inbox/index' })} data-testid='to-inbox'>
          消息 ›
        </View>
        <View className='card' data-testid='order-form'>
          <Field label='需要什么帮助？' path='category' error={create.error}>
            {CATEGORY_GROUPS.map((g) => (
              <View key={g.id}>
                <View className='h-sub'>{g.label}</View>
                <ChipPicker
                  testId={`cat-${g.id}`}
                  options={g.items.map((c) => ({ value: c, label: g.items.length > 1 ? CATEGORY_LABELS[c] : g.label }))}
                  value={d.category ? [d.category] : []}
                  onChange={([c]) => set({ category: c as Category })}
                />
              </View>
            ))}
          </Field>
          {d.category && (
            <>
              <Field label='说说具体情况' path='description' error={create.error} count={[d.description.length, DESCRIPTION_MAX]}>
                <Textarea
                  className='field-input field-textarea order-text'
                  data-testid='order-desc'
                  value={d.description}
                  maxlength={DESCRIPTION_MAX}
                  placeholder='写清楚哪里不好、要去哪'
                  onInput={(e) => set({ description: e.detail.value })}
                />
              </Field>
              <Field label='拍张照片（可不拍，最多3张）' path='photos' error={create.error}>
                <PhotoPicker value={photos} onChange={setPhotos} testId='order-photos' />
              </Field>
              <Field label='急不急' path='urgency' error={create.error}>
                <ChipPicker testId='order-urgency' options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))} value={[d.urgency]} onChange={([u]) => set({ urgency: u as Urgency })} />
              </Field>
              {booked ? (
                <Field label='预约哪天几点' path='appointmentAt' error={create.error}>
                  <AppointmentPicker value={d.appointmentAt} onChange={(appointmentAt) => set({ appointmentAt })} />
                </Field>
              ) : (
                <Field label='什么时候方便' path='when' error={create.error}>
                  <ChipPicker testId='order-when' options={WHENS.map((w) => ({ value: w, label: WHEN_LABELS[w] }))} value={[d.when]} onChange={([w]) => set({ when: w as When })} />
                </Field>
              )}
              {canProxy && (
                <ChipPicker
                  testId='order-proxy'
                  options={[
                    { value: 'self', label: '为自己' },
                    { value: 'proxy', label: '为邻居代下单' },
                  ]}
                  value={[d.proxy ? 'proxy' : 'self']}
                  onChange={([v]) => set({ proxy: v === 'proxy' })}
                />
              )}
              {d.proxy ? (
                <View data-testid='proxy-form'>
                  {line('邻居姓名', 'name', 20)}
                  {line('邻居电话（没有可不填）', 'phone', 11)}
                  <Field label='住哪栋楼' path='onBehalfOf.buildingId' error={create.error}>
                    <ChipPicker testId='neighbour-building' options={named(proxyBuildings)} value={[d.nb.buildingId]} onChange={([b]) => nb({ buildingId: b, unitId: '' })} />
                  </Field>
                  {d.nb.buildingId && (
                    <Field label='哪个单元' path='onBehalfOf.unitId' error={create.error}>
                      <ChipPicker testId='neighbour-unit' options={named(units)} value={[d.nb.unitId]} onChange={([u]) => nb({ unitId: u })} />
                    </Field>
                  )}
                  {line('门牌号', 'room', 10)}
                  <Field label='您是邻居的' path='onBehalfOf.relation' error={create.error}>
                    <ChipPicker testId='proxy-relation' options={RELATIONS.map((r) => ({ value: r, label: r }))} value={[d.nb.relation]} onChange={([r]) => nb({ relation: r as Relation })} />
                  </Field>
                </View>
              ) : (
                profile && (
                  <>
                    <View className='h-sub'>地址：{addressText(structure.data, profile.buildingId, profile.unitId)}（您登记的住址）</View>
                    <Field label='门牌号' path='room' error={create.error}>
                      <Input className='field-input order-text' data-testid='order-room' value={room} maxlength={10} onInput={(e) => set({ room: e.detail.value })} />
                    </Field>
                  </>
                )
              )}
            </>
          )}
          <FormError error={create.error} fields={[...FIELDS, d.proxy ? 'onBehalfOf' : 'room']} testId='order-error' note='（已为您保留填写的内容）' />
          <BigButton onClick={submit} loading={create.pending}>
            提交
          </BigButton>
        </View>
      </RoleGate>
    </Page>
  )
}
