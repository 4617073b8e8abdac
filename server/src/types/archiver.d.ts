/** archiver 5.x ships no types; this is the part of its API we use. */
declare module 'archiver' {
  import type { Readable, Transform } from 'node:stream'

  interface EntryData {
    name: string
    /** Stored without compression (photos are compressed already). */
    store?: boolean
    date?: Date
  }

  interface Archiver extends Transform {
    append(source: Readable | Buffer | string, data: EntryData): this
    finalize(): Promise<void>
    abort(): this
    /** Bytes written so far. */
    pointer(): number
    on(event: 'entry', listener: (entry: EntryData) => void): this
    on(event: 'warning' | 'error', listener: (error: Error) => void): this
    on(event: string, listener: (...args: unknown[]) => void): this
    once(event: 'entry', listener: (entry: EntryData) => void): this
    once(event: 'warning' | 'error', listener: (error: Error) => void): this
    once(event: string, listener: (...args: unknown[]) => void): this
    off(event: string, listener: (...args: never[]) => void): this
  }

  function archiver(format: 'zip', options?: { zlib?: { level?: number }; forceZip64?: boolean }): Archiver
  export = archiver
}
