/** The warnings API shapes come from the contract (types only: TypeBox stays out of the app bundle). */
export type {
  Segment,
  StaffWarning,
  StaffWarningListResponse,
  StaffWarningSaveResponse,
  WarningDetail,
  WarningImage,
  WarningListResponse,
  WarningSearchHit,
  WarningSearchResponse,
  WarningAlertProgress,
  WarningSummary,
} from '@/contract/warning'
