/** Kinds and states of consumer warnings; the API schemas live in warning.ts. */
export const WARNING_KIND_LABELS = {
  warning: '消费警示',
  tip: '消费提示',
  comparison: '比较试验',
} as const
export type WarningKind = keyof typeof WARNING_KIND_LABELS
export const WARNING_KINDS = Object.keys(WARNING_KIND_LABELS) as WarningKind[]

export const WARNING_STATUS_LABELS = {
  draft: '草稿',
  published: '已发布',
  archived: '已归档',
} as const
export type WarningStatus = keyof typeof WARNING_STATUS_LABELS
