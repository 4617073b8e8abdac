// Runs inside a worker thread (see heic-decoder.ts): libheif's WASM decoder is synchronous and
// takes about a second for a 12 MP photo, which would stall every other request on the main thread.
import { parentPort, workerData } from 'node:worker_threads'
import decode from 'heic-decode'

export interface HeicJob {
  bytes: Uint8Array
  maxPixels: number
}

export type HeicResult =
  | { kind: 'decoded'; width: number; height: number; rgba: Uint8Array }
  | { kind: 'too-many-pixels'; width: number; height: number }
  | { kind: 'corrupt'; message: string }

async function run({ bytes, maxPixels }: HeicJob): Promise<HeicResult> {
  let images: Awaited<ReturnType<typeof decode.all>>
  try {
    images = await decode.all({ buffer: bytes })
  } catch (error) {
    return { kind: 'corrupt', message: (error as Error).message }
  }
  try {
    const primary = images[0]!
    // Dimensions come from the container header: a decompression bomb is refused before any pixel is decoded.
    if (primary.width * primary.height > maxPixels) return { kind: 'too-many-pixels', width: primary.width, height: primary.height }
    const { width, height, data } = await primary.decode()
    return { kind: 'decoded', width, height, rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }
  } catch (error) {
    return { kind: 'corrupt', message: (error as Error).message }
  } finally {
    images.dispose()
  }
}

run(workerData as HeicJob).then((result) => {
  parentPort!.postMessage(result, result.kind === 'decoded' ? [result.rgba.buffer as ArrayBuffer] : [])
})
