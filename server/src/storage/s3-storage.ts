import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { S3Config } from '../config'
import { assertSafeKey, type ObjectStorage } from './object-storage'

const isNotFound = (error: unknown) => error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404

/** Photos in an S3-compatible bucket (AWS, MinIO, Ceph radosgw, OSS/COS in S3 mode), read only through presigned URLs. */
export async function openS3Storage(config: S3Config, now: () => Date = () => new Date()): Promise<ObjectStorage> {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Self-hosted endpoints serve buckets as paths, not as subdomains.
    forcePathStyle: true,
    // The SDK's default CRC32 checksums are not understood by every S3-compatible server (Ceph, older MinIO).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  const Bucket = config.bucket
  try {
    await createBucketIfMissing(client, Bucket)
  } catch (error) {
    throw new Error(`无法使用 S3 存储桶 ${Bucket}（${config.endpoint}）：${(error as Error).message}`, { cause: error })
  }

  return {
    kind: 's3',
    async put(key, body, contentType) {
      assertSafeKey(key)
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType }))
    },
    async get(key) {
      assertSafeKey(key)
      const object = await client.send(new GetObjectCommand({ Bucket, Key: key }))
      return Buffer.from(await object.Body!.transformToByteArray())
    },
    async getStream(key) {
      assertSafeKey(key)
      const object = await client.send(new GetObjectCommand({ Bucket, Key: key }))
      return object.Body as Readable
    },
    async putFile(key, file, contentType, options = {}) {
      assertSafeKey(key)
      const { size } = await stat(file)
      const disposition = options.downloadName ? { ContentDisposition: `attachment; filename="${options.downloadName}"` } : {}
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: createReadStream(file), ContentLength: size, ContentType: contentType, ...disposition }))
    },
    async exists(key) {
      assertSafeKey(key)
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: key }))
        return true
      } catch (error) {
        if (isNotFound(error)) return false
        throw error
      }
    },
    async delete(key) {
      assertSafeKey(key)
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }))
    },
    removeStaleTempFiles: async () => 0,
    signedUrl(key, ttlSeconds) {
      assertSafeKey(key)
      return getSignedUrl(client, new GetObjectCommand({ Bucket, Key: key }), { expiresIn: ttlSeconds, signingDate: now() })
    },
  }
}

async function createBucketIfMissing(client: S3Client, bucket: string) {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }))
  } catch (error) {
    if (!isNotFound(error)) throw error
    try {
      await client.send(new CreateBucketCommand({ Bucket: bucket }))
    } catch (createError) {
      // Another instance starting at the same moment may have created it first.
      if (!(createError instanceof S3ServiceException && createError.name === 'BucketAlreadyOwnedByYou')) throw createError
    }
  }
}
