export { CourtCard } from './components/court-card'
export { NewCourtCase } from './components/new-court-case'
