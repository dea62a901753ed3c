import fc from 'fast-check'
import { parse } from 'csv-parse/sync'
import { BOM, csvCell, toCsv } from './csv'

/** What a spreadsheet shows for a cell we wrote: the text, less the defusing quote. */
const read = (csv: string) => parse(csv, { bom: true, relax_column_count: false }) as string[][]

describe('csv', () => {
  it('hostile names come back as one row with the same cells, none of them a formula', () => {
    const names = ['王\r=1+2', '=HYPERLINK("http://x","点我")', '+86 138', '-2+3', '@SUM(A1)', '\t=1', ' =1', '李,"四"', '赵\n钱', '孙"']
    const csv = toCsv(['姓名', '积分'], names.map((n, i) => [n, -i]))
    const rows = read(csv)
    expect(rows.length).toBe(names.length + 1)
    rows.slice(1).forEach((r, i) => {
      expect(r).toHaveLength(2)
      expect(r[0].replace(/^'/, '')).toBe(names[i])
      expect(r[0]).not.toMatch(/^\s*[=+\-@]|^[\t\r]/)
      expect(r[1]).toBe(String(-i))
    })
  })

  it('RFC 4180 framing, UTF-8 BOM, numbers stay numbers', () => {
    expect(toCsv(['a', 'b'], [['x', 1], [-5, true]])).toBe(`${BOM}a,b\r\nx,1\r\n-5,是\r\n`)
    expect(csvCell('a"b')).toBe('"a""b"')
    expect(csvCell('a\rb')).toBe('"a\rb"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(Number.NaN)).toBe('')
  })

  it('any text round-trips through a real RFC 4180 parser and never starts a formula (fuzz)', () => {
    const cell = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' ', "'", '王', 'a', '1'), maxLength: 12 })
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const back = read(toCsv(['x', 'y'], rows)).slice(1)
        return (
          back.length === rows.length &&
          back.every((r, i) => r.every((c, k) => c === rows[i][k] || c === `'${rows[i][k]}`) && r.every((c) => !/^[\t\r]|^\s*[=+\-@]/.test(c)))
        )
      }),
      { numRuns: 3000, seed: 20261204 },
    )
  })
})
