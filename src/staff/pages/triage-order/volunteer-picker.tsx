import { useState } from 'react'
import { View, Input } from '@tarojs/components'
import { SKILL_LABELS } from '@core/users/vocab'
import { api } from '@/api'
import { ChipPicker } from '@/components'
import { useQuery } from '@/hooks/use-query'
import '@/pages/order/parts/parts.scss'

const PAGE = 20

interface Props {
  gridId: string
  value: string | null
  onChange: (openid: string | null, name?: string) => void
  /** Leave this one out (the volunteer who holds the order now). */
  exclude?: string | null
  testId?: string
}

/** Approved volunteers of the grid, searchable by name and paged (any number of them), pick one. */
export function VolunteerPicker({ gridId, value, onChange, exclude, testId = 'volunteer-picker' }: Props) {
  const [typed, setTyped] = useState('')
  const [keyword, setKeyword] = useState('')
  const [page, setPage] = useState(1)
  const input = { role: 'volunteer' as const, gridId, keyword: keyword || undefined, page, pageSize: PAGE }
  const q = useQuery(api.users.listUsers, input)
  const items = (q.data?.items ?? []).filter((u) => u.openid !== exclude && u.volunteer?.status === 'approved')
  const pages = Math.max(1, Math.ceil((q.data?.total ?? 0) / PAGE))
  const search = () => {
    setKeyword(typed.trim())
    setPage(1)
  }
  return (
    <View data-testid={testId}>
      <View className='row'>
        <Input className='field-input order-text' data-testid={`${testId}-search`} value={typed} placeholder='按姓名搜索志愿者' confirmType='search' onInput={(e) => setTyped(e.detail.value)} onConfirm={search} />
        <View className='chip picker-go' data-testid={`${testId}-go`} onClick={search}>
          搜索
        </View>
      </View>
      {q.loading && <View className='h-sub'>加载中…</View>}
      {!q.loading && items.length === 0 && <View className='h-sub'>没有找到志愿者</View>}
      <ChipPicker
        testId={`${testId}-list`}
        options={items.map((u) => ({ value: u.openid, label: `${u.name}${u.volunteer?.skills.length ? `（${u.volunteer.skills.slice(0, 2).map((s) => SKILL_LABELS[s]).join('、')}）` : ''}` }))}
        value={value ? [value] : []}
        onChange={([id]) => onChange(id ?? null, items.find((u) => u.openid === id)?.name)}
      />
      {pages > 1 && (
        <View className='row' data-testid={`${testId}-pager`}>
          <View className='chip' onClick={() => page > 1 && setPage(page - 1)}>
            上一页
          </View>
          <View className='h-sub'>
            第 {page} / {pages} 页
          </View>
          <View className='chip' data-testid={`${testId}-next`} onClick={() => page < pages && setPage(page + 1)}>
            下一页
          </View>
        </View>
      )}
    </View>
  )
}
