/** A staff section reached from the workspace (统计, 企业, 查看记录 …). */
export interface DeskSection {
  title: string
  url: string
}
