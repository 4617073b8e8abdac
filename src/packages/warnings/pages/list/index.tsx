import { WarningListView } from '@/features/warnings'

/** 消费警示: public, no login needed. */
export default function WarningListPage() {
  return <WarningListView />
}
