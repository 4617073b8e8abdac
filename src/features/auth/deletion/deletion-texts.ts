import type { AccountDeletionStatus } from '@/contract/account-deletion'

const CHINA_OFFSET_MS = 8 * 3600_000

/** 2026-12-10T08:30:00Z → 2026年12月10日 16:30, read off a China clock. */
export function chinaWhen(iso: string, withTime = true): string {
  const china = new Date(Date.parse(iso) + CHINA_OFFSET_MS)
  const date = `${china.getUTCFullYear()}年${china.getUTCMonth() + 1}月${china.getUTCDate()}日`
  return withTime ? `${date} ${String(china.getUTCHours()).padStart(2, '0')}:${String(china.getUTCMinutes()).padStart(2, '0')}` : date
}

export interface Consequence {
  title: string
  lines: string[]
}

/** Exactly what happens, in the order the person should read it, with their own numbers. */
export function deletionConsequences(status: AccountDeletionStatus): Consequence[] {
  const list: Consequence[] = [
    {
      title: '注销完成时删除',
      lines: [
        '手机号、微信绑定和昵称',
        '所有设备上的登录状态（全部退出）',
        '消息中心的全部消息和通知设置',
        '还没有提交到投诉里的照片',
      ],
    },
  ]
  if (status.closedComplaints > 0) {
    list.push({
      title: `已结束的投诉（${status.closedComplaints} 件）：匿名化`,
      lines: ['删除联系电话、投诉描述、留言、评价和全部照片', '只保留行业、金额、日期、商家和处理结果，用于消协的统计，不能再识别您'],
    })
  }
  if (status.openComplaints > 0) {
    list.push({
      title: `仍在处理中的投诉（${status.openComplaints} 件）：保留到处理结束`,
      lines: [
        '调解需要完整记录：投诉内容、照片和留言保留到投诉结束，结束满 3 年后匿名化',
        '您的联系电话立即删除，工作人员和商家只看到“用户·XXXX”这样的代号',
        '注销后您将无法再查看进度或接收通知；如不想继续，可先撤回投诉',
      ],
    })
  }
  if (status.fieldReports > 0) {
    list.push({
      title: `志愿者走访报告（${status.fieldReports} 份）：报告保留，您匿名`,
      lines: ['报告留给消协继续使用，您的姓名、电话、地区和拍摄位置删除或换成代号'],
    })
  }
  list.push({
    title: '冷静期与完成时间',
    lines: [
      `提交后 ${status.coolOffDays} 天内，重新登录或点“撤销注销”即可取消，什么都不会删除`,
      `冷静期结束后自动注销，最迟在申请后 ${status.workingDays} 个工作日内完成，完成时发短信通知您`,
      '注销后不能恢复；用同一手机号再次登录，将注册一个全新的空账号',
    ],
  })
  return list
}
