/** A rate with its numerator and denominator (null when there is nothing to divide), and a median: how every dashboard figure is made. */
export interface Rate {
  value: number | null
  num: number
  den: number
}
export const rate = (num: number, den: number): Rate => ({ value: den ? num / den : null, num, den })

export function median(xs: number[]): number | null {
  if (!xs.length) return null
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
