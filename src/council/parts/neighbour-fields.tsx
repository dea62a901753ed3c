import { View, Input } from '@tarojs/components'
import { ChipPicker, Field } from '@/components'
import { useMe, useStructure } from '@/hooks/use-me'
import { allBuildings } from '@/lib/address'

export interface Neighbour {
  name: string
  buildingId: string
  unitId: string
  room: string
}
export const NO_NEIGHBOUR: Neighbour = { name: '', buildingId: '', unitId: '', room: '' }

/** Who a 楼栋长 or 网格员 acts for: a neighbour's name and address among the buildings they look after. */
export function NeighbourFields({ value, onChange, path, error, testId }: { value: Neighbour; onChange: (n: Neighbour) => void; path: string; error: unknown; testId: string }) {
  const me = useMe()
  const structure = useStructure()
  const scopes = me.data?.scopes
  const buildings = allBuildings(structure.data).filter((b) => me.has('admin') || scopes?.buildings.includes(b.id) || scopes?.grids.includes(b.gridId))
  const units = buildings.find((b) => b.id === value.buildingId)?.units ?? []
  const named = (xs: { id: string; name: string }[]) => xs.map((x) => ({ value: x.id, label: x.name }))
  const set = (p: Partial<Neighbour>) => onChange({ ...value, ...p })
  return (
    <View data-testid={testId}>
      <Field label='姓名' path={`${path}.name`} error={error}>
        <Input className='field-input order-text' data-testid='neighbour-name' value={value.name} maxlength={20} onInput={(e) => set({ name: e.detail.value })} />
      </Field>
      <Field label='住哪栋楼' path={`${path}.buildingId`} error={error}>
        <ChipPicker testId='neighbour-building' options={named(buildings)} value={[value.buildingId]} onChange={([b]) => set({ buildingId: b, unitId: '' })} />
      </Field>
      {value.buildingId && (
        <Field label='哪个单元' path={`${path}.unitId`} error={error}>
          <ChipPicker testId='neighbour-unit' options={named(units)} value={[value.unitId]} onChange={([u]) => set({ unitId: u })} />
        </Field>
      )}
      <Field label='门牌号' path={`${path}.room`} error={error}>
        <Input className='field-input order-text' data-testid='neighbour-room' value={value.room} maxlength={10} onInput={(e) => set({ room: e.detail.value })} />
      </Field>
    </View>
  )
}
