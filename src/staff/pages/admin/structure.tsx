import { useState } from 'react'
import { View, Input } from '@tarojs/components'
import type { Structure } from '@core/community/contract'
import { api } from '@/api'
import { BigButton, ChipPicker, Field, FormError, StateView } from '@/components'
import { useStructure } from '@/hooks/use-me'
import { useAction } from '@/hooks/use-query'
import { allBuildings } from '@/lib/address'

const UNIT_COUNTS = [1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: `${n}个` }))

/** The next free id like g3 / b9 (ids are never shown; names are). */
export function nextId(prefix: string, taken: readonly string[]): string {
  const used = new Set(taken)
  let n = taken.length + 1
  while (used.has(`${prefix}${n}`)) n++
  return `${prefix}${n}`
}

/** 社区 → 网格 → 楼栋 → 单元 as it is, plus adding a grid, a building, or a unit to a building. */
export function StructureSection() {
  const structure = useStructure()
  const s = structure.data
  return (
    <StateView loading={structure.loading} hasData={!!s} error={structure.error} onRetry={structure.reload}>
      {s && (
        <>
          <View className='h-title'>{s.community.name}</View>
          {s.grids.map((g) => (
            <View key={g.id} className='card' data-testid={`grid-${g.id}`}>
              <View className='h-title'>{g.name}</View>
              {g.buildings.length === 0 && <View className='h-sub'>还没有楼栋</View>}
              {g.buildings.map((b) => (
                <AddUnitRow key={b.id} building={b} onDone={structure.reload} />
              ))}
            </View>
          ))}
          <NewGridForm structure={s} onDone={structure.reload} />
          <NewBuildingForm structure={s} onDone={structure.reload} />
        </>
      )}
    </StateView>
  )
}

function AddUnitRow({ building, onDone }: { building: Structure['grids'][number]['buildings'][number]; onDone: () => Promise<void> }) {
  const save = useAction(api.community.upsertBuilding)
  const add = async () => {
    const input = { id: building.id, gridId: building.gridId, name: building.name, unitCount: building.units.length + 1, order: building.order }
    if (await save.run(input)) await onDone()
  }
  return (
    <View data-testid={`building-${building.id}`}>
      <View className='field-label'>
        {building.name}（{building.units.length}个单元）
      </View>
      <FormError error={save.error} />
      <BigButton type='default' onClick={() => void add()} loading={save.pending}>
        加一个单元
      </BigButton>
    </View>
  )
}

function NewGridForm({ structure, onDone }: { structure: Structure; onDone: () => Promise<void> }) {
  const [name, setName] = useState('')
  const save = useAction(api.community.upsertGrid)
  const submit = async () => {
    const ids = structure.grids.map((g) => g.id)
    if (await save.run({ id: nextId('g', ids), name, order: ids.length + 1 })) {
      setName('')
      await onDone()
    }
  }
  return (
    <View className='card' data-testid='new-grid'>
      <View className='h-title'>新增网格</View>
      <Input className='field-input' data-testid='grid-name' value={name} maxlength={20} placeholder='例如：第三网格' onInput={(e) => setName(e.detail.value)} />
      <FormError error={save.error} />
      <BigButton onClick={() => void submit()} loading={save.pending}>
        新增网格
      </BigButton>
    </View>
  )
}

function NewBuildingForm({ structure, onDone }: { structure: Structure; onDone: () => Promise<void> }) {
  const [gridId, setGrid] = useState('')
  const [name, setName] = useState('')
  const [units, setUnits] = useState('2')
  const save = useAction(api.community.upsertBuilding)
  const submit = async () => {
    const ids = allBuildings(structure).map((b) => b.id)
    if (await save.run({ id: nextId('b', ids), gridId, name, unitCount: Number(units), order: ids.length + 1 })) {
      setName('')
      await onDone()
    }
  }
  return (
    <View className='card' data-testid='new-building'>
      <View className='h-title'>新增楼栋</View>
      <Field label='属于哪个网格（建好后不能改）' path='gridId' error={save.error}>
        <ChipPicker testId='building-grid' options={structure.grids.map((g) => ({ value: g.id, label: g.name }))} value={gridId ? [gridId] : []} onChange={([g]) => setGrid(g)} />
      </Field>
      <Field label='楼栋名称' path='name' error={save.error}>
        <Input className='field-input' data-testid='building-name' value={name} maxlength={20} placeholder='例如：9号楼' onInput={(e) => setName(e.detail.value)} />
      </Field>
      <Field label='几个单元' path='unitCount' error={save.error}>
        <ChipPicker testId='building-units' options={UNIT_COUNTS} value={[units]} onChange={([u]) => setUnits(u)} />
      </Field>
      <FormError error={save.error} fields={['gridId', 'name', 'unitCount']} testId='building-error' />
      <BigButton onClick={() => void submit()} loading={save.pending}>
        新增楼栋
      </BigButton>
    </View>
  )
}
