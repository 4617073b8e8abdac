/**
 * Mocks of the wx photo and file APIs the filing pages use, as jest spies (not a test file).
 * - chooseMedia hands out `perPick` new temp photos per call (4032×3024 JPEGs of `pickSize`, 3 MB);
 *   change `mocks.perPick` between picks.
 * - getImageInfo / compressImage: compressing turns wxfile://tmp/photo-N.jpg into wxfile://tmp/photo-N.small.jpg.
 * - getFileSystemManager().saveFile moves a temp file to env.USER_DATA_PATH (recorded in `files`).
 * - readFile gives a file's bytes: `contents.get(path)` when a test set one, else a JPEG signature
 *   followed by the path (so every photo hashes differently); getFileInfo its size (`sizes`, else
 *   300 kB for compressed copies and 3 MB for originals).
 * - uploadFile answers through `upload(opts, attempt)`: { statusCode, data } or null for a network
 *   failure; it reports progress 50 % then 100 % first. Default: 201 with an Evidence.
 */
const USER_DATA_PATH = 'wxfile://usr'

function evidenceFor(n) {
  return {
    id: `ev-${n}`,
    sha256: String(n).padStart(64, '0'),
    mimeType: 'image/jpeg',
    bytes: 300000,
    width: 1600,
    height: 1200,
    capturedAt: null,
    displayUrl: `/api/files?key=display/${n}.jpg&expires=1&signature=x`,
    thumbnailUrl: `/api/files?key=thumb/${n}.webp&expires=1&signature=x`,
    createdAt: '2026-11-23T06:00:00.000Z',
  }
}

function photoMocks({ perPick = 3, upload, pickSize = 3_000_000 } = {}) {
  let picked = 0
  let uploads = 0
  const files = new Set()
  const contents = new Map()
  const sizes = new Map()
  const bytesOf = (path) => contents.get(path) ?? Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from(path)])
  const later = (fn) => setTimeout(fn, 0)
  const ok = (opts, res) =>
    later(() => {
      opts.success?.(res)
      opts.complete?.(res)
    })
  const fail = (opts, errMsg) =>
    later(() => {
      opts.fail?.({ errMsg })
      opts.complete?.({ errMsg })
    })

  const wx = {
    env: { USER_DATA_PATH },
    chooseMedia: jest.fn((opts) => {
      const count = Math.min(api.perPick, opts.count ?? 9)
      const tempFiles = Array.from({ length: count }, () => {
        picked++
        return { tempFilePath: `wxfile://tmp/photo-${picked}.jpg`, size: api.pickSize, fileType: 'image', width: 4032, height: 3024 }
      })
      ok(opts, { errMsg: 'chooseMedia:ok', type: 'image', tempFiles })
    }),
    getImageInfo: jest.fn((opts) => ok(opts, { errMsg: 'getImageInfo:ok', width: 4032, height: 3024, orientation: 'up', type: 'jpeg', path: opts.src })),
    compressImage: jest.fn((opts) => ok(opts, { errMsg: 'compressImage:ok', tempFilePath: opts.src.replace(/^.*\/([^/]+)\.jpg$/, 'wxfile://tmp/$1.small.jpg') })),
    getFileSystemManager: jest.fn(() => fsm),
    uploadFile: jest.fn((opts) => {
      const attempt = ++uploads
      const listeners = []
      later(() => {
        for (const cb of listeners) cb({ progress: 50, totalBytesSent: 1, totalBytesExpectedToSend: 2 })
        for (const cb of listeners) cb({ progress: 100, totalBytesSent: 2, totalBytesExpectedToSend: 2 })
        const answer = upload ? upload(opts, attempt) : { statusCode: 201, data: evidenceFor(attempt) }
        if (!answer) return fail(opts, 'uploadFile:fail network (test)')
        ok(opts, { errMsg: 'uploadFile:ok', statusCode: answer.statusCode, data: typeof answer.data === 'string' ? answer.data : JSON.stringify(answer.data) })
      })
      return {
        onProgressUpdate: (cb) => listeners.push(cb),
        offProgressUpdate: () => {},
        onHeadersReceived: () => {},
        offHeadersReceived: () => {},
        abort: () => {},
      }
    }),
    previewImage: jest.fn((opts) => ok(opts, { errMsg: 'previewImage:ok' })),
    setClipboardData: jest.fn((opts) => ok(opts, { errMsg: 'setClipboardData:ok' })),
  }
  const fsm = {
    saveFile: jest.fn((opts) => {
      const savedFilePath = opts.filePath
      files.add(savedFilePath)
      ok(opts, { errMsg: 'saveFile:ok', savedFilePath })
    }),
    readFile: jest.fn((opts) => {
      const bytes = bytesOf(opts.filePath)
      ok(opts, { errMsg: 'readFile:ok', data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) })
    }),
    getFileInfo: jest.fn((opts) => ok(opts, { errMsg: 'getFileInfo:ok', size: sizes.get(opts.filePath) ?? (/\.small\.jpg$/.test(opts.filePath) ? 300_000 : 3_000_000) })),
    unlink: jest.fn((opts) => {
      files.delete(opts.filePath)
      ok(opts, { errMsg: 'unlink:ok' })
    }),
  }
  const api = { wx, fsm, files, contents, sizes, bytesOf, evidenceFor, perPick, pickSize }
  return api
}

module.exports = { photoMocks, evidenceFor, USER_DATA_PATH }
