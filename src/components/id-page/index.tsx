import type { ReactNode } from 'react'
import { NotFound, Page, StateView } from '@/components'
import type { QueryState } from '@/hooks/use-query'

/** A page of one thing named by `?id=`: not found (no id, or the server's code for it), loading, failed, or the thing itself. */
export function IdPage<T>({ id, q, missing, title, children }: { id: string; q: QueryState<T>; missing: string; title: string; children: (data: T) => ReactNode }) {
  if (!id || q.error?.code === missing) return <Page><NotFound title={title} /></Page>
  return (
    <Page>
      <StateView loading={q.loading} hasData={!!q.data} error={q.error} onRetry={q.reload}>
        {q.data !== undefined && children(q.data)}
      </StateView>
    </Page>
  )
}
