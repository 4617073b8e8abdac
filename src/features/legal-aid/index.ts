export { AidRequests } from './components/aid-requests'
export { LawyerAid } from './components/lawyer-aid'
export { StaffAid } from './components/staff-aid'
