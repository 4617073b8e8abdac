import type { RefObject } from 'react'
import { COMPLAINT_STATUS_LABELS, type ComplaintStatus } from '@/contract/complaint-status'

/** What the filter bar holds: status and 我负责的 are asked of the server; 超期 and 查找 look at the loaded rows. */
export interface QueueChoice {
  status: ComplaintStatus | ''
  mine: boolean
  overdueOnly: boolean
  text: string
}

const STATUSES: ReadonlyArray<ComplaintStatus> = ['awaiting_review', 'accepted', 'mediating', 'mediated', 'mediation_failed', 'enterprise_handling', 'enterprise_proposed']

interface Props {
  choice: QueueChoice
  onChange(choice: QueueChoice): void
  searchRef: RefObject<HTMLInputElement>
  loadedCount: number
  shownCount: number
  hasMore: boolean
  sorted: boolean
  /** A short word about the last shortcut that could not be done. */
  notice: string
}

/** H5 desk only (plain HTML elements): the queue's filter bar. */
export function QueueFilters({ choice, onChange, searchRef, loadedCount, shownCount, hasMore, sorted, notice }: Props) {
  const set = (change: Partial<QueueChoice>) => onChange({ ...choice, ...change })
  const local = choice.overdueOnly || choice.text.trim() !== '' || sorted
  return (
    <div className='queue-bar' role='search' aria-label='筛选投诉'>
      <div className='queue-bar__controls'>
        <label className='queue-bar__field'>
          <span>状态</span>
          <select className='queue-bar__select' value={choice.status} onChange={(e) => set({ status: e.target.value as QueueChoice['status'] })}>
            <option value=''>全部处理中</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {COMPLAINT_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label className='queue-bar__check'>
          <input className='queue-bar__checkbox' type='checkbox' checked={choice.mine} onChange={(e) => set({ mine: e.target.checked })} />
          <span>我负责的</span>
        </label>
        <label className='queue-bar__check'>
          <input className='queue-bar__checkbox' type='checkbox' checked={choice.overdueOnly} onChange={(e) => set({ overdueOnly: e.target.checked })} />
          <span>只看超期</span>
        </label>
        <label className='queue-bar__field queue-bar__search'>
          <span>查找</span>
          <input
            ref={searchRef}
            className='queue-bar__input'
            type='search'
            value={choice.text}
            placeholder='编号或商家名称（按 / 开始）'
            aria-keyshortcuts='/'
            onChange={(e) => set({ text: e.target.value })}
            onKeyDown={(e) => {
              // Enter goes back to the queue with the rows found; Escape clears the box first.
              if (e.key !== 'Enter' && e.key !== 'Escape') return
              e.preventDefault()
              if (e.key === 'Escape') set({ text: '' })
              e.currentTarget.blur()
            }}
          />
        </label>
      </div>
      <p className='queue-bar__count' aria-live='polite'>
        {notice ? (
          <strong className='queue-bar__notice'>{notice}</strong>
        ) : (
          <>
            已加载 {loadedCount} 件{shownCount !== loadedCount ? `，显示 ${shownCount} 件` : ''}
            {hasMore ? '（还有更多，见表格底部）' : ''}
            {local ? ' · 排序、超期和查找只在已加载的投诉中进行' : ' · 按期限先后排列'}
          </>
        )}
      </p>
    </div>
  )
}
