import type archiver from 'archiver'

/** Resolves when the archive has taken the entry appended next (one source open at a time), rejects on its error. */
export function nextEntryTaken(archive: ReturnType<typeof archiver>): Promise<void> {
  return new Promise((resolve, reject) => {
    const onEntry = () => {
      archive.off('error', onError)
      resolve()
    }
    const onError = (error: Error) => {
      archive.off('entry', onEntry)
      reject(error)
    }
    archive.once('entry', onEntry)
    archive.once('error', onError)
  })
}
