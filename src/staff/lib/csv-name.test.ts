import { fromPicked } from '@core/events/times'
import { csvFileName, reportFileName } from './csv-name'

describe('csvFileName', () => {
  it('names the export after what it is, the event and its day in China time', () => {
    // 00:30 on 8 December in China is still 7 December in UTC
    const startAt = fromPicked({ date: '2026-12-08', time: '00:30' })
    expect(csvFileName('对账', { title: '重阳节义诊', startAt })).toBe('对账-重阳节义诊-12月8日.csv')
  })

  it('takes out what a file name cannot hold, and keeps it short', () => {
    expect(csvFileName('签到', { title: '3/4号楼 "议事会": 改造?', startAt: fromPicked({ date: '2027-01-15', time: '09:00' }) })).toBe('签到-34号楼议事会改造-1月15日.csv')
    expect(csvFileName('签到', { title: '很'.repeat(40), startAt: 0 }).length).toBeLessThanOrEqual('签到-'.length + 30 + '-1月1日.csv'.length)
  })

  it('a list without an event carries the day it was made', () => {
    expect(csvFileName('积分账户', undefined, fromPicked({ date: '2026-12-04', time: '20:00' }))).toBe('积分账户-12月4日.csv')
    expect(csvFileName('积分账户')).toBe('积分账户.csv')
  })
})

test('a report is named after what, whose and which month', () => {
  expect(reportFileName('三率', '第一网格', '2026-11')).toBe('三率-第一网格-2026年11月.csv')
  expect(reportFileName('单子明细', '全 部/网格', '2027-01')).toBe('单子明细-全部网格-2027年1月.csv')
})
