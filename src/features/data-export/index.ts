// What the settings subpackage's 导出我的数据 page imports.
export { DataExportView } from './components/data-export-view'
