/** Who-viewed-it labels shared by the server and the app. No TypeBox imports: this file is bundled into the mini-program. */

/** What was read: a complaint with the consumer's phone shown in full, one without it, an original photo, an export. */
export const ACCESS_KINDS = ['phone', 'detail', 'original_photo', 'export'] as const
export type AccessKind = (typeof ACCESS_KINDS)[number]

export const ACCESS_KIND_LABELS: Record<AccessKind, string> = {
  phone: '查看了投诉及您的联系电话',
  detail: '查看了投诉详情',
  original_photo: '查看了原始照片',
  export: '导出了数据',
}
