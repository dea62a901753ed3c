import Taro from '@tarojs/taro'

/**
 * Hand a CSV to staff: H5 downloads a file (the server's CSV starts with a BOM, so Excel reads the
 * Chinese); weapp has no downloads of generated text, so the CSV goes to the clipboard (to paste
 * into a chat or a sheet) without the BOM. Returns what happened, for the page to say so.
 */
export function exportCsv(csv: string, filename: string): 'downloaded' | 'copied' {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a')
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
    a.download = filename
    a.click()
    return 'downloaded'
  }
  void Taro.setClipboardData({ data: csv.replace(/^\ufeff/, '') })
  return 'copied'
}
