import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Input, Textarea } from '@tarojs/components'
import { CATEGORY_GROUPS, CATEGORY_LABELS, type Category } from '@core/orders/categories'
import { URGENCY_LABELS, URGENCIES, WHEN_LABELS, WHENS, type Urgency, type When } from '@core/orders/vocab'
import { api } from '@/api'
import { BigButton, ChipPicker, Field, FormError, Page, RoleGate } from '@/components'
import { useAction } from '@/hooks/use-query'
import { useMe, useStructure } from '@/hooks/use-me'
import { addressText, allBuildings } from '@/lib/address'
import { PhotoPicker, type Photo } from '../parts/photos'
import { askOrderSubscribe } from '../parts/subscribe'
import { clearDraft, EMPTY, loadDraft, saveDraft, type Draft } from './draft'

const FIELDS = ['category', 'description', 'photos', 'urgency', 'when']
const PROXY_FIELDS = ['onBehalfOf.name', 'onBehalfOf.phone', 'onBehalfOf.buildingId']

/**
 * 服务点单 in three taps for the common case: home → a category (the description is pre-filled,
 * address is home) → 提交. Everything else is optional and has a default.
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

  const pick = (c: Category) => set({ category: c, description: d.description && d.category ? d.description : `请帮忙：${CATEGORY_LABELS[c]}` })
  const submit = async () => {
    if (!d.category) return
    const subscribe = await askOrderSubscribe()
    const out = await create.run({
      category: d.category,
      description: d.description,
      urgency: d.urgency,
      when: d.when,
      photos: photos.map((p) => p.fileId),
      subscribe,
      ...(d.proxy ? { onBehalfOf: { name: d.neighbourName, phone: d.neighbourPhone || undefined, buildingId: d.neighbourBuilding } } : {}),
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
                {g.items.length > 1 && <View className='h-sub'>{g.label}</View>}
                <ChipPicker
                  testId={`cat-${g.id}`}
                  options={g.items.map((c) => ({ value: c, label: g.items.length > 1 ? CATEGORY_LABELS[c] : g.label }))}
                  value={d.category ? [d.category] : []}
                  onChange={([c]) => pick(c as Category)}
                />
              </View>
            ))}
          </Field>
          {d.category && (
            <>
              <Field label='说说具体情况' path='description' error={create.error}>
                <Textarea className='field-input field-textarea order-text' data-testid='order-desc' value={d.description} maxlength={500} onInput={(e) => set({ description: e.detail.value })} />
              </Field>
              <Field label='拍张照片（可不拍，最多3张）' path='photos' error={create.error}>
                <PhotoPicker value={photos} onChange={setPhotos} testId='order-photos' />
              </Field>
              <Field label='急不急' path='urgency' error={create.error}>
                <ChipPicker testId='order-urgency' options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))} value={[d.urgency]} onChange={([u]) => set({ urgency: u as Urgency })} />
              </Field>
              <Field label='什么时候方便' path='when' error={create.error}>
                <ChipPicker testId='order-when' options={WHENS.map((w) => ({ value: w, label: WHEN_LABELS[w] }))} value={[d.when]} onChange={([w]) => set({ when: w as When })} />
              </Field>
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
                  <Field label='邻居姓名' path='onBehalfOf.name' error={create.error}>
                    <Input className='field-input order-text' data-testid='neighbour-name' value={d.neighbourName} maxlength={20} onInput={(e) => set({ neighbourName: e.detail.value })} />
                  </Field>
                  <Field label='邻居电话（没有可不填）' path='onBehalfOf.phone' error={create.error}>
                    <Input className='field-input order-text' data-testid='neighbour-phone' type='number' value={d.neighbourPhone} maxlength={11} onInput={(e) => set({ neighbourPhone: e.detail.value })} />
                  </Field>
                  <Field label='住哪栋楼' path='onBehalfOf.buildingId' error={create.error}>
                    <ChipPicker testId='neighbour-building' options={proxyBuildings.map((b) => ({ value: b.id, label: b.name }))} value={[d.neighbourBuilding]} onChange={([b]) => set({ neighbourBuilding: b })} />
                  </Field>
                </View>
              ) : (
                profile && <View className='h-sub'>地址：{addressText(structure.data, profile.buildingId, profile.unitId)}（您登记的住址）</View>
              )}
            </>
          )}
          <FormError error={create.error} fields={d.proxy ? [...FIELDS, ...PROXY_FIELDS] : FIELDS} testId='order-error' note='（已为您保留填写的内容）' />
          <BigButton onClick={submit} loading={create.pending} disabled={!d.category || !d.description.trim() || (d.proxy && (!d.neighbourName || !d.neighbourBuilding))}>
            提交
          </BigButton>
        </View>
      </RoleGate>
    </Page>
  )
}
