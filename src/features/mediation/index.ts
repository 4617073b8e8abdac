export { RoomView } from './components/room-view'
export { RoomEntry } from './components/room-entry'
