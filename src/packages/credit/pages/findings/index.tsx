import { PublicFindingsList } from '@/features/bad-faith-findings/components/public-findings-list'

/** 失信认定公示: public, no login; opened from the warnings list. */
export default function CreditFindingsPage() {
  return <PublicFindingsList />
}
