import Taro from '@tarojs/taro'

/**
 * Hand a CSV to staff: H5 downloads a file (BOM first, so Excel reads the Chinese); weapp has no
 * downloads of generated text, so the CSV goes to the clipboard (to paste into a chat or a sheet).
 * Returns what happened, for the page to say so.
 */
export function exportCsv(csv: string, filename: string): 'downloaded' | 'copied' {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a')
    a.href = URL.createObjectURL(new Blob(['\ufeff' + csv], { type: 'text/csv' }))
    a.download = filename
    a.click()
    return 'downloaded'
  }
  void Taro.setClipboardData({ data: csv })
  return 'copied'
}
