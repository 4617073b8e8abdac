import { COMPLAINT_STATUS_LABELS } from '../../../../src/contract/complaint-status'
import { parseTextList } from '../../json-text'
import type { ComplaintRow } from './complaints.repository'

/** What the complaint says, as written into an export (the person's data export, the evidence package). */
export function complaintFacts(complaint: ComplaintRow) {
  return {
    number: complaint.number,
    status: complaint.status,
    statusLabel: COMPLAINT_STATUS_LABELS[complaint.status],
    path: complaint.path,
    business: { name: complaint.business_name, address: complaint.business_address, region: complaint.business_region, creditCode: complaint.business_credit_code },
    industry: complaint.industry,
    incidentDate: complaint.incident_date,
    amountFen: Number(complaint.amount_fen),
    demands: parseTextList(complaint.demands),
    demandDetail: complaint.demand_detail,
    description: complaint.description,
    contactPhone: complaint.contact_phone,
  }
}
