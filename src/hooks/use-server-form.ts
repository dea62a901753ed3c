import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * A form filled from what the server has (rules, time limits): it takes the server's values when
 * they arrive and again after every refresh, until the person types; from then on what they typed
 * stays (a refresh or a refused save never wipes it) until `saved()` hands the form back to the server.
 */
export function useServerForm<S, F>(source: S | undefined, toForm: (s: S) => F, empty: F) {
  const [form, setForm] = useState<F>(() => (source === undefined ? empty : toForm(source)))
  const dirty = useRef(false)
  const toFormRef = useRef(toForm)
  toFormRef.current = toForm
  useEffect(() => {
    if (source !== undefined && !dirty.current) setForm(toFormRef.current(source))
  }, [source])
  const edit = useCallback((change: (f: F) => F) => {
    dirty.current = true
    setForm(change)
  }, [])
  const saved = useCallback(() => {
    dirty.current = false
  }, [])
  return { form, edit, saved }
}
