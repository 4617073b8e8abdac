import type { StaffFieldReport } from '../../../../src/contract/field-report'
import { FIELD_REPORT_CATEGORY_LABELS, FIELD_REPORT_STATUS_LABELS } from '../../../../src/contract/field-report-rules'
import { chinaDateTime } from '../../china-time'
import { csvCell } from '../statistics/statistics-csv'

/** Excel needs the byte-order mark to read UTF-8. */
const BOM = '\uFEFF'

export const FIELD_REPORT_CSV_COLUMNS = [
  '报告编号',
  '上传时间（北京时间）',
  '发现时间（北京时间）',
  '问题类别',
  '状态',
  '商家名称',
  '商家地址',
  '地区',
  '手动填写的地点',
  '纬度',
  '经度',
  '定位精度（米）',
  '照片数',
  '走访情况',
  '志愿者',
  '志愿者电话',
  '审核备注',
  '投诉编号',
  '警示编号',
] as const

const chinaTime = (iso: string | null) => (iso ? chinaDateTime(iso) : null)

// Numbers are ours, not user text: a negative longitude must stay a number, not get the formula guard.
const cell = (value: string | number | null) => (typeof value === 'number' ? String(value) : csvCell(value))
const csvLine = (cells: ReadonlyArray<string | number | null>) => cells.map(cell).join(',')

/** Staff only: it carries exact positions and volunteers' names and phones. */
export function fieldReportsCsv(reports: readonly StaffFieldReport[]): string {
  const lines = [csvLine(FIELD_REPORT_CSV_COLUMNS)]
  for (const report of reports) {
    lines.push(
      csvLine([
        report.id,
        chinaTime(report.createdAt),
        chinaTime(report.observedAt),
        FIELD_REPORT_CATEGORY_LABELS[report.category],
        FIELD_REPORT_STATUS_LABELS[report.status],
        report.businessName,
        report.businessAddress,
        report.region,
        report.manualAddress,
        report.location?.latitude ?? null,
        report.location?.longitude ?? null,
        report.location?.accuracy ?? null,
        report.photos.length,
        report.notes,
        report.volunteer.name,
        report.volunteer.phone,
        report.reviewNote,
        report.complaintId,
        report.warningId,
      ]),
    )
  }
  return `${BOM}${lines.join('\r\n')}\r\n`
}
