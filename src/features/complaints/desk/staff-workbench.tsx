import type { DeskSection } from './desk-section'

/** Weapp: no desk workbench (Taro builds `staff-workbench.h5.tsx` for H5). */
export function StaffWorkbench(_props: { userId: string; sections: readonly DeskSection[] }) {
  return null
}
