export { StationFinder } from './components/station-finder'
export { StationManager } from './components/station-manager'
