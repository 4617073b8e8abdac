export { getStatistics } from './api/get-statistics'
export { CAN_EXPORT_CSV, exportStatisticsCsv } from './api/export-csv'
export { StatisticsView } from './components/statistics-view'
