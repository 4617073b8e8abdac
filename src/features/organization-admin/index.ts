export { OrganizationAdmin } from './components/organization-admin'
export { AllianceTransfers } from './components/alliance-transfers'
