export { GroupOffer } from './components/group-offer'
export { StaffGroupList } from './components/staff-group-list'
export { StaffGroupView } from './components/staff-group-detail'
