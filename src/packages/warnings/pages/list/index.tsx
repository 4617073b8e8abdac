import { prefetchWarningList, WarningListView } from '@/features/warnings'

prefetchWarningList()

/** 消费警示: public, no login needed. */
export default function WarningListPage() {
  return <WarningListView />
}
