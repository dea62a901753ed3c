import { useState } from 'react'
import { View } from '@tarojs/components'
import { BigButton } from '@/components'
import { exportCsv, type ExportResult } from './export-csv'

const SAID: Record<ExportResult, (name: string) => string> = {
  downloaded: (name) => `已下载「${name}」`,
  shared: (name) => `已发出「${name}」，在聊天里点开即可查看或转发`,
  cancelled: () => '',
  failed: () => '导出失败，请稍后再试',
}

/**
 * 导出 CSV as a file with a name people recognise; says below the button what happened. `csv` is
 * fetched on tap when the page does not hold it already (null: the export could not be made).
 */
export function CsvButton({ label, fileName, csv, testId }: { label: string; fileName: string; csv: () => Promise<string | null>; testId: string }) {
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const go = async () => {
    setBusy(true)
    const text = await csv().catch(() => null)
    const result = text ? await exportCsv(text, fileName) : 'failed'
    setBusy(false)
    setNote(SAID[result](fileName))
  }
  return (
    <View data-testid={testId}>
      <BigButton type='default' loading={busy} onClick={() => void go()}>{label}</BigButton>
      {note && <View className='h-sub' data-testid={`${testId}-note`}>{note}</View>}
    </View>
  )
}
