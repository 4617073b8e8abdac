import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { Finding, FindingList } from '@/contract/bad-faith-finding'
import { PageState } from '@/components/page-state'
import { ApiRequestError, errorMessage } from '@/lib/http'
import { staffFindings } from '../api/credit-findings'
import { DecideForm, LiftForm } from './decide-form'
import { FindingRecord } from './finding-record'
import { ProposeForm } from './propose-form'
import './credit-findings.css'

type Desk = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'forbidden' } | { kind: 'ready'; list: FindingList }

/** What the staff member may do with one finding now, under its record. */
function FindingActions({ finding, me, onChanged }: { finding: Finding; me: string; onChanged: (finding: Finding) => void }) {
  if (finding.state === 'appeal_open') return <Text className='credit-line'>申辩期内：等企业申辩或申辩期满后，由另一位工作人员复核。</Text>
  if (finding.state === 'awaiting_decision') {
    if (finding.proposedBy.id === me) return <Text className='credit-line'>这是您提出的认定，须由另一位有失信认定权限的工作人员复核决定。</Text>
    return <DecideForm finding={finding} onDone={onChanged} />
  }
  if (finding.state === 'published') return <LiftForm finding={finding} me={me} onDone={onChanged} />
  return null
}

/** 失信认定 desk: the proposal form beside the findings of the organization (two columns at a desk). */
export function StaffDesk() {
  const [desk, setDesk] = useState<Desk>({ kind: 'loading' })
  const load = useCallback(() => {
    staffFindings()
      .then((list) => setDesk({ kind: 'ready', list }))
      .catch((error: unknown) => setDesk(error instanceof ApiRequestError && error.status === 403 ? { kind: 'forbidden' } : { kind: 'error', message: errorMessage(error) }))
  }, [])
  useDidShow(load)

  if (desk.kind === 'loading') return <PageState kind='loading' />
  if (desk.kind === 'forbidden') return <PageState kind='empty' title='您没有失信认定权限' description='失信认定由本组织的管理人员在“组织管理”里授予' />
  if (desk.kind === 'error') return <PageState kind='error' description={desk.message} onRetry={load} />
  const { list } = desk
  const replace = (next: Finding) => setDesk({ kind: 'ready', list: { ...list, items: list.items.some((f) => f.id === next.id) ? list.items.map((f) => (f.id === next.id ? next : f)) : [next, ...list.items] } })
  return (
    <View className='credit-desk'>
      <View className='credit-desk__side'>
        <ProposeForm onProposed={replace} />
      </View>
      <View>
        {list.items.length === 0 ? (
          <PageState kind='empty' title='还没有失信认定' description='提出的认定、企业申辩和复核决定都在这里' />
        ) : (
          list.items.map((finding) => (
            <View key={finding.id} className='card' aria-label={`失信认定：${finding.enterprise.name}`}>
              <FindingRecord finding={finding} forEnterprise={false} />
              <FindingActions finding={finding} me={list.me} onChanged={replace} />
            </View>
          ))
        )}
      </View>
    </View>
  )
}
