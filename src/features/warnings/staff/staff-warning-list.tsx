import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { WARNING_KIND_LABELS, WARNING_STATUS_LABELS, type WarningStatus } from '@/contract/warning-kinds'
import { PageState } from '@/components/page-state'
import { formatDate } from '@/lib/dates'
import { errorMessage } from '@/lib/http'
import { listStaffWarnings } from '../api/staff-warnings'
import type { StaffWarning } from '../api/warning-types'
import { publicationText } from './publication'
import '../components/warnings.css'
import './staff-warnings.css'

export const STAFF_EDITOR_PAGE = '/packages/staff-warnings/pages/editor/index'
const FILTERS: Array<{ status: WarningStatus | undefined; label: string }> = [
  { status: undefined, label: '全部' },
  { status: 'draft', label: WARNING_STATUS_LABELS.draft },
  { status: 'published', label: WARNING_STATUS_LABELS.published },
  { status: 'archived', label: WARNING_STATUS_LABELS.archived },
]

/** 消费警示管理: every warning including drafts and scheduled ones; opens the editor. */
export function StaffWarningList() {
  const [status, setStatus] = useState<WarningStatus | undefined>(undefined)
  const [items, setItems] = useState<StaffWarning[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  async function load(filter: WarningStatus | undefined) {
    setProblem(null)
    try {
      setItems((await listStaffWarnings({ status: filter })).items)
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }
  // Back from the editor: show what changed there.
  useDidShow(() => void load(status))

  const choose = (next: WarningStatus | undefined) => {
    setStatus(next)
    setItems(null)
    void load(next)
  }
  const open = (id?: string) => void Taro.navigateTo({ url: id ? `${STAFF_EDITOR_PAGE}?id=${encodeURIComponent(id)}` : STAFF_EDITOR_PAGE })

  return (
    <>
      <Button className='btn btn-primary staff-warnings__new' onClick={() => open()}>
        ＋ 新建警示
      </Button>
      <View className='warning-tabs' role='tablist'>
        {FILTERS.map((f) => (
          <View key={f.label} className={`warning-tab ${f.status === status ? 'warning-tab--on' : ''}`} role='tab' aria-selected={f.status === status} onClick={() => choose(f.status)}>
            <Text>{f.label}</Text>
          </View>
        ))}
      </View>
      {problem && !items ? (
        <View className='card'>
          <PageState kind='error' description={problem} onRetry={() => void load(status)} />
        </View>
      ) : !items ? (
        <PageState kind='loading' />
      ) : items.length === 0 ? (
        <View className='card'>
          <PageState kind='empty' title='还没有警示' description='点“新建警示”写第一条' />
        </View>
      ) : (
        items.map((warning) => (
          <View key={warning.id} className='warning-card' hoverClass='warning-card--pressed' role='link' onClick={() => open(warning.id)}>
            <View className='warning-card__tags'>
              <Text className={`warning-tag staff-status staff-status--${warning.status}`}>{publicationText(warning)}</Text>
              {warning.urgent && <Text className='warning-tag warning-tag--urgent'>紧急</Text>}
              <Text className={`warning-tag warning-tag--${warning.kind}`}>{WARNING_KIND_LABELS[warning.kind]}</Text>
            </View>
            <Text className='warning-card__title'>{warning.title || '（无标题）'}</Text>
            <Text className='warning-card__meta'>
              {warning.issuer} · 修改于 {formatDate(warning.updatedAt)} · 浏览 {warning.viewCount}
            </Text>
          </View>
        ))
      )}
    </>
  )
}
