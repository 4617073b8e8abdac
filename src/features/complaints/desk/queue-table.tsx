import type { RefObject } from 'react'
import dayjs from 'dayjs'
import { COMPLAINT_STATUS_LABELS, isOpen } from '@/contract/complaint-status'
import { deadlineWords } from '../handling/deadline'
import { nextSort, type QueueRow, type Sort, type SortKey } from './queue-rows'

const COLUMNS: ReadonlyArray<{ key: SortKey; title: string }> = [
  { key: 'number', title: '编号' },
  { key: 'business', title: '商家' },
  { key: 'status', title: '状态' },
  { key: 'deadline', title: '期限' },
  { key: 'assignee', title: '承办人' },
  { key: 'organization', title: '所属机构' },
]

interface Props {
  tableRef: RefObject<HTMLDivElement>
  rows: readonly QueueRow[]
  loading: boolean
  problem: string
  onRetry(): void
  sort: Sort | null
  onSort(sort: Sort | null): void
  selectedId: string | null
  openId: string | null
  onOpen(id: string): void
  onSelect(id: string): void
  assignee(row: QueueRow): string
  empty: string
  hasMore: boolean
  loadingMore: boolean
  onMore(): void
}

const tone = (row: QueueRow) => (row.status === 'mediated' || row.status === 'resolved' ? 'good' : isOpen(row.status) ? 'open' : 'ended')

/** 剩 3 个工作日 / 今天到期 / 超期 2 个工作日, over the date; the step's name is in the cell's title. */
function DeadlineCell({ row }: { row: QueueRow }) {
  const words = deadlineWords(row)
  if (!words || !row.dueAt) return <span className='queue-table__none'>—</span>
  return (
    <span className={`queue-deadline ${words.overdue ? 'queue-deadline--late' : ''}`} title={words.title}>
      <span className='queue-deadline__left'>{words.left.replace('剩余 ', '剩 ').replace('已超期', '超期')}</span>
      <span className='queue-deadline__date'>{dayjs(row.dueAt).format('M月D日')}前</span>
    </span>
  )
}

/** H5 desk only (plain HTML elements): the queue as a table with sortable columns and a sticky header. */
export function QueueTable(props: Props) {
  const { tableRef, rows, loading, problem, sort, onSort, selectedId, openId, onOpen, onSelect, assignee } = props
  return (
    <div className='queue-table' ref={tableRef}>
      <table>
        <caption className='sr-only'>投诉队列，按列标题排序</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const direction = sort?.key === column.key ? sort.direction : null
              return (
                <th key={column.key} scope='col' className={`queue-table__${column.key}`} aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}>
                  <button type='button' className='wb-button queue-sort' onClick={() => onSort(nextSort(sort, column.key))}>
                    {column.title}
                    <span className='queue-table__arrow' aria-hidden='true'>
                      {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
                    </span>
                  </button>
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              data-id={row.id}
              className={`${row.id === selectedId ? 'is-selected' : ''} ${row.id === openId ? 'is-open' : ''}`}
              aria-current={row.id === openId ? 'true' : undefined}
              onClick={() => onOpen(row.id)}
            >
              <td className='queue-table__number'>
                <button type='button' className='wb-button queue-open' onFocus={() => onSelect(row.id)} onClick={(e) => (e.stopPropagation(), onOpen(row.id))}>
                  {row.number}
                </button>
              </td>
              <td className='queue-table__business' title={row.businessName}>
                {row.priority && (
                  <span className='queue-court' title='在无理由退货承诺店被拒绝退货（一键投诉），优先处理'>
                    优先 · 拒绝退货
                  </span>
                )}
                {row.courtReferral && (
                  <span className='queue-court' title={`法院委托：案号 ${row.courtReferral.caseNumber}，法院期限 ${row.courtReferral.deadline}`}>
                    法院委托
                  </span>
                )}
                {row.businessName}
              </td>
              <td>
                <span className={`queue-status queue-status--${tone(row)}`}>{COMPLAINT_STATUS_LABELS[row.status]}</span>
              </td>
              <td>
                <DeadlineCell row={row} />
              </td>
              <td className={row.assignedStaffId ? '' : 'queue-table__none'}>{assignee(row)}</td>
              <td className={row.organizationName ? '' : 'queue-table__none'}>{row.organizationName ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {loading ? (
        <p className='queue-table__message'>正在加载…</p>
      ) : problem ? (
        <p className='queue-table__message'>
          {problem}{' '}
          <button type='button' className='wb-button queue-table__more' onClick={props.onRetry}>
            重试
          </button>
        </p>
      ) : rows.length === 0 ? (
        <p className='queue-table__message'>{props.empty}</p>
      ) : null}
      {props.hasMore && !loading && (
        <button type='button' className='wb-button queue-table__more' disabled={props.loadingMore} onClick={props.onMore}>
          {props.loadingMore ? '正在加载…' : '加载更多'}
        </button>
      )}
    </div>
  )
}
