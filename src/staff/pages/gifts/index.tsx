import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, ChipPicker, Field, FormError, Page, RoleGate, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction, useQuery } from '@/hooks/use-query'
import { shortTime } from '@/lib/time'
import { Allocate } from './allocate'

const DAY = 86400e3
const WINDOWS = [
  { value: '30', label: '一个月' },
  { value: '90', label: '三个月' },
  { value: '365', label: '一年' },
]
interface Form {
  id?: string
  name: string
  price: string
  totalStock: string
  perPersonLimit: string
  days: string
  activeFrom?: number
  activeTo?: number
}
const GIFT_FIELDS = ['name', 'price', 'totalStock', 'perPersonLimit', 'activeTo']
const EMPTY: Form = { name: '', price: '10', totalStock: '50', perPersonLimit: '1', days: '90' }

/** 管理员: the gift catalog — create / edit (points, stock, per-person limit, window); staff and admin allocate stock to event booths. */
export default function GiftsPage() {
  const me = useMe()
  const isAdmin = me.has('admin')
  const list = useQuery(api.points.gifts, { all: true }, { enabled: me.has('staff', 'admin') })
  const save = useAction(api.points.upsertGift)
  const [form, setForm] = useState<Form>(EMPTY)
  const [saved, setSaved] = useState('')
  // which gift is being allocated; `n` counts taps so each tap remounts the panel (fresh event list)
  const [allocating, setAllocating] = useState({ id: '', n: 0 })
  const toAllocate = list.data?.items.find((g) => g.id === allocating.id)
  const set = (k: keyof Form) => (e: { detail: { value: string } }) => setForm({ ...form, [k]: e.detail.value })
  const submit = async () => {
    const now = Date.now()
    // editing keeps the window unless a new length is picked
    const activeFrom = form.id && !form.days ? form.activeFrom! : now - 60e3
    const activeTo = form.id && !form.days ? form.activeTo! : now + Number(form.days) * DAY
    const g = await save.run({
      id: form.id, name: form.name, price: Number(form.price), totalStock: Number(form.totalStock),
      perPersonLimit: Number(form.perPersonLimit), activeFrom, activeTo,
    })
    if (!g) return
    setSaved(`已保存「${g.name}」`)
    setForm(EMPTY)
    await list.reload()
  }
  return (
    <Page>
      <RoleGate me={me} roles={['staff', 'admin']}>
        <StateView loading={list.loading} hasData={!!list.data} error={list.error} onRetry={list.reload} empty={!!list.data && !list.data.items.length} emptyText='还没有礼品'>
          <View className='card' data-testid='gift-list'>
            <Text className='h-title'>礼品目录</Text>
            {list.data?.items.map((g) => (
              <View key={g.id} data-testid={`gift-${g.id}`} style={{ borderBottom: '1px solid #eee', padding: '8px 0' }}>
                <View>{g.name} · {g.price} 分</View>
                <View className='h-sub'>
                  总库存 {g.totalStock} · 已分到摊位 <Text data-testid='allocated'>{g.allocated}</Text> · 每人限兑 {g.perPersonLimit} · {shortTime(g.activeFrom)} 至 {shortTime(g.activeTo)}
                </View>
                <View>
                  {isAdmin && (
                    <BigButton type='default' onClick={() => (setSaved(''), setForm({ id: g.id, name: g.name, price: String(g.price), totalStock: String(g.totalStock), perPersonLimit: String(g.perPersonLimit), days: '', activeFrom: g.activeFrom, activeTo: g.activeTo }))}>
                      编辑
                    </BigButton>
                  )}
                  <BigButton type='default' onClick={() => setAllocating({ id: g.id, n: allocating.n + 1 })}>分配到活动摊位</BigButton>
                </View>
              </View>
            ))}
          </View>
        </StateView>
        {toAllocate && <Allocate key={`${toAllocate.id}:${allocating.n}`} gift={{ id: toAllocate.id, name: toAllocate.name, free: toAllocate.totalStock - toAllocate.allocated }} onDone={list.reload} />}
        {isAdmin && (
          <View className='card' data-testid='gift-form'>
            <Text className='h-title'>{form.id ? `编辑「${form.name}」` : '新增礼品'}</Text>
            <Field label='名称' path='name' error={save.error}>
              <Input className='field-input' data-testid='gift-name' value={form.name} onInput={set('name')} placeholder='如：东北大米5斤' />
            </Field>
            <Field label='所需积分' path='price' error={save.error}>
              <Input className='field-input' data-testid='gift-price' type='number' value={form.price} onInput={set('price')} />
            </Field>
            <Field label='总库存（份）' path='totalStock' error={save.error}>
              <Input className='field-input' data-testid='gift-stock' type='number' value={form.totalStock} onInput={set('totalStock')} />
            </Field>
            <Field label='每人限兑（份）' path='perPersonLimit' error={save.error}>
              <Input className='field-input' data-testid='gift-limit' type='number' value={form.perPersonLimit} onInput={set('perPersonLimit')} />
            </Field>
            <Field label={`兑换期${form.id && !form.days ? `（现为 ${shortTime(form.activeFrom!)} 至 ${shortTime(form.activeTo!)}，选一个可重新从今天算）` : '（从今天起）'}`} path='activeTo' error={save.error}>
              <ChipPicker testId='gift-window' options={WINDOWS} value={form.days ? [form.days] : []} onChange={([d]) => setForm({ ...form, days: d ?? '' })} />
            </Field>
            <FormError error={save.error} fields={GIFT_FIELDS} testId='gift-error' />
            {saved && <View className='ok-text' data-testid='gift-saved'>{saved}</View>}
            <BigButton onClick={() => void submit()} loading={save.pending}>保存</BigButton>
            {form.id && <BigButton type='default' onClick={() => setForm(EMPTY)}>取消编辑</BigButton>}
          </View>
        )}
      </RoleGate>
    </Page>
  )
}
