// What the main package (投诉 tab, home page) may import. The filing and detail screens live in the
// packages/complaint subpackage and import from ./filing and ./detail directly, so their code
// (uploads, compression, the filing store) never lands in the main package.
export { ComplaintListItem } from './components/complaint-list-item'
export { DraftList } from './components/draft-list'
export { StatusChip } from './components/status-chip'
export { RECENTLY_CLOSED_DAYS, useComplaintList, type ListFilter } from './components/use-complaint-list'
export { continueDraft, newComplaintUrl, openComplaint, startComplaint } from './start'
