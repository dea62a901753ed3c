import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, FormError, Page } from '@/components'
import { useMe, useStructure } from '@/hooks/use-me'
import { useAction } from '@/hooks/use-query'
import { chinaDay } from '@core/china-time'
import { EMPTY_DRAFT, RefFields, WishFields, type Draft } from '../../parts/draft-fields'
import '../../parts/wishes.scss'

/** The draft as the contract takes it. */
function inputOf(d: Draft) {
  const ref = { name: d.name, phone: d.phone || undefined, address: d.address, guardian: { name: d.guardianName, phone: d.guardianPhone, relation: d.relation } }
  const kindPart = d.kind === 'item' ? { priceCap: Number(d.priceCap) } : { category: d.category }
  return { kind: d.kind, title: d.title, detail: d.detail, ...kindPart, occasion: d.occasion, targetDate: chinaDay(d.targetAt), gridId: d.gridId, shares: Number(d.shares), alias: d.alias, ageBand: d.ageBand, grade: d.grade, station: d.station, ref }
}

/** Staff: 录入 a wish (often from a school or the 楼栋长) and send it for review by a colleague. */
export default function EditWishPage() {
  const me = useMe()
  const structure = useStructure()
  const save = useAction(api.wishes.saveDraft)
  const submit = useAction(api.wishes.submit)
  const [d, setD] = useState(EMPTY_DRAFT)
  const set = (p: Partial<Draft>) => setD((x) => ({ ...x, ...p }))
  const mine = me.data?.scopes.grids ?? []
  const grids = (structure.data?.grids ?? []).filter((g) => me.has('admin') || mine.includes(g.id)).map((g) => ({ value: g.id, label: g.name }))
  const send = async () => {
    const saved = await save.run(inputOf(d))
    if (!saved || !(await submit.run({ wishId: saved._id }))) return
    void Taro.redirectTo({ url: `/wishes/pages/manage/index?id=${saved._id}` })
  }
  return (
    <Page>
      <View className='card' data-testid='draft-form'>
        <WishFields d={d} set={set} error={save.error} grids={grids} />
        <RefFields d={d} set={set} error={save.error} />
        <FormError error={save.error ?? submit.error} fields={['kind', 'title', 'detail', 'priceCap', 'category', 'occasion', 'targetDate', 'gridId', 'shares', 'station', 'alias', 'ageBand', 'grade', 'ref']} note='（已为您保留填写的内容）' />
        <BigButton loading={save.pending || submit.pending} onClick={() => void send()}>保存并送审</BigButton>
      </View>
    </Page>
  )
}
