import type { Manifest } from './package-format'

/** The README.txt at the top of every package: what each file is, for a judge or a lawyer with no app. */
export function packageReadme(manifest: Manifest): string {
  return `维权通 · 投诉 ${manifest.complaint.number} 证据包

导出时间：${manifest.exportedAt}
导出人：${manifest.exportedBy.displayName}（${manifest.exportedBy.organization ?? '消协'}）

manifest.json     清单：包内每个文件的 SHA-256 和字节数，事件链的条数和链尾哈希
case.json         投诉内容：商家、经过、诉求、金额、联系方式、每张照片的上传信息
timeline.json     完整处理经过：每一步的时间、操作人（身份和名称）、说明
case-log.jsonl    案件记录哈希链：每行一个事件，hash = SHA-256(上一事件的 hash + 换行 + 本事件的规范 JSON)，
                  改动或删除任何一个事件，其后的链都对不上
originals/        照片原件，与上传时逐字节相同（文件名含 SHA-256 前 12 位）
display/          照片展示件（去掉了位置等 EXIF 信息的压缩副本）
documents/        调解协议书、函件等文书（${manifest.documents.note}）

核验：在维权通项目中运行 npm run verify-package -- 本文件.zip
清单本身的 SHA-256 是整个证据包的指纹，可向出具证据包的消协核对。
`
}
