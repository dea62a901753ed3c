import { useState } from 'react'
import { View, Input } from '@tarojs/components'
import { SKILL_LABELS } from '@core/users/vocab'
import { api } from '@/api'
import { ChipPicker } from '@/components'
import { usePaged } from '@/hooks/use-paged'
import '@/pages/order/parts/parts.scss'

const PAGE = 20
const skillsOf = (skills: readonly (keyof typeof SKILL_LABELS)[]) => (skills.length ? `（${skills.slice(0, 2).map((s) => SKILL_LABELS[s]).join('、')}）` : '')

interface Props {
  /** Only people of this grid (default: all the caller may list). */
  gridId?: string
  value: string | null
  onChange: (openid: string | null, name?: string) => void
  /** Leave this one out (e.g. the volunteer who holds the order now, or the caller). */
  exclude?: string | null
  testId?: string
}

/** Approved volunteers of the grid, searchable by name and paged (any number of them), pick one. */
export const VolunteerPicker = (p: Props & { gridId: string }) => <PersonPicker {...p} volunteers testId={p.testId ?? 'volunteer-picker'} />

/** People the caller may list (users.listUsers: a 网格员's grids, an admin's all), searchable by name and paged; pick one. */
export function PersonPicker({ gridId, value, onChange, exclude, testId = 'person-picker', volunteers = false }: Props & { volunteers?: boolean }) {
  const [typed, setTyped] = useState('')
  const [keyword, setKeyword] = useState('')
  const input = { role: volunteers ? ('volunteer' as const) : undefined, gridId, keyword: keyword || undefined, limit: PAGE }
  const q = usePaged(api.users.listUsers, input, { idOf: (u) => u.openid })
  const items = q.items.filter((u) => u.openid !== exclude && (!volunteers || u.volunteer?.status === 'approved'))
  const search = () => setKeyword(typed.trim())
  return (
    <View data-testid={testId}>
      <View className='row'>
        <Input className='field-input order-text' data-testid={`${testId}-search`} value={typed} placeholder={volunteers ? '按姓名搜索志愿者' : '按姓名搜索居民'} confirmType='search' onInput={(e) => setTyped(e.detail.value)} onConfirm={search} />
        <View className='chip picker-go' data-testid={`${testId}-go`} onClick={search}>
          搜索
        </View>
      </View>
      {q.loading && <View className='h-sub'>加载中…</View>}
      {!q.loading && items.length === 0 && <View className='h-sub'>{volunteers ? '没有找到志愿者' : '没有找到这位居民'}</View>}
      <ChipPicker
        testId={`${testId}-list`}
        options={items.map((u) => ({ value: u.openid, label: volunteers ? `${u.name}${skillsOf(u.volunteer?.skills ?? [])}` : `${u.name}（${u.phone}）` }))}
        value={value ? [value] : []}
        onChange={([id]) => onChange(id ?? null, items.find((u) => u.openid === id)?.name)}
      />
      {q.next && (
        <View className='chip' data-testid={`${testId}-more`} onClick={() => void q.more()}>
          加载更多
        </View>
      )}
    </View>
  )
}
