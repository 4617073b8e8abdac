// What the staff subpackage's 查看记录 page imports.
export { AccessLogView } from './components/access-log-view'
