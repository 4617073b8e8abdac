// Pages of packages/staff-warnings import from here.
export { StaffWarningList } from './staff/staff-warning-list'
export { WarningEditor } from './staff/warning-editor'
