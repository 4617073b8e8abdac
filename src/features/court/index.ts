export { CourtCard } from './components/court-card'
