export { getStatistics } from './api/get-statistics'
export { getFigures } from './api/get-figures'
export { CAN_EXPORT_CSV, exportFiguresCsv, exportStatisticsCsv } from './api/export-csv'
export { StatisticsView } from './components/statistics-view'
