import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { isIP } from 'node:net'
import path from 'node:path'
import forge from 'node-forge'

export interface LocalCertificate {
  /** The server's private key and certificate chain (server, then authority), PEM. */
  key: string
  cert: string
  /** The authority a phone installs to trust this server (PEM), also served at /weiquan-ca.crt. */
  authority: string
}

const DAY_MS = 24 * 60 * 60 * 1000
const AUTHORITY_DAYS = 3650
// Apple refuses TLS server certificates valid for more than 825 days, even from an installed authority.
const SERVER_DAYS = 800
const RENEW_BEFORE_MS = 30 * DAY_MS

/**
 * A certificate for HTTPS=1, made on this computer and kept in `dir`. Like mkcert, a small authority signs
 * the server's certificate: a phone installs and trusts the authority once, and keeps trusting the server
 * when its certificate is remade for a new LAN address (or before it expires).
 */
export function localCertificate(dir: string, wanted: string[]): LocalCertificate {
  const names = [...new Set(wanted)]
  mkdirSync(dir, { recursive: true })
  const files = {
    authorityKey: path.join(dir, 'ca-key.pem'),
    authority: path.join(dir, 'ca.crt'),
    key: path.join(dir, 'server-key.pem'),
    cert: path.join(dir, 'server.crt'),
  }
  if (!existsSync(files.authority) || !existsSync(files.authorityKey)) {
    const made = makeAuthority()
    writeFileSync(files.authorityKey, made.key, { mode: 0o600 })
    writeFileSync(files.authority, made.cert)
  }
  const authority = readFileSync(files.authority, 'utf8')
  if (!existsSync(files.key) || !existsSync(files.cert) || !covers(readFileSync(files.cert, 'utf8'), authority, names)) {
    const made = makeServerCertificate(names, authority, readFileSync(files.authorityKey, 'utf8'))
    writeFileSync(files.key, made.key, { mode: 0o600 })
    writeFileSync(files.cert, made.cert)
  }
  return { key: readFileSync(files.key, 'utf8'), cert: `${readFileSync(files.cert, 'utf8')}${authority}`, authority }
}

/** Still signed by this authority, not about to expire, and valid for every name and address in use now. */
function covers(certPem: string, authorityPem: string, names: string[]): boolean {
  const cert = new X509Certificate(certPem)
  if (!cert.verify(new X509Certificate(authorityPem).publicKey)) return false
  if (new Date(cert.validTo).getTime() - Date.now() < RENEW_BEFORE_MS) return false
  return names.every((name) => (isIP(name) ? cert.checkIP(name) : cert.checkHost(name)) !== undefined)
}

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  })
  return { pem: privateKey, privateKey: forge.pki.privateKeyFromPem(privateKey), publicKey: forge.pki.publicKeyFromPem(publicKey) }
}

function newCertificate(publicKey: forge.pki.PublicKey, days: number) {
  const cert = forge.pki.createCertificate()
  cert.publicKey = publicKey
  // Positive, 16 bytes, unique per certificate (browsers reject a reused serial from one issuer).
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`
  cert.validity.notBefore = new Date(Date.now() - DAY_MS)
  cert.validity.notAfter = new Date(Date.now() + days * DAY_MS)
  return cert
}

function makeAuthority(): { key: string; cert: string } {
  const keys = keyPair()
  const cert = newCertificate(keys.publicKey, AUTHORITY_DAYS)
  const subject = [
    { name: 'commonName', value: `Weiquan local CA ${randomBytes(3).toString('hex')}` },
    { name: 'organizationName', value: 'Weiquan (this computer only)' },
  ]
  cert.setSubject(subject)
  cert.setIssuer(subject)
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ])
  cert.sign(keys.privateKey, forge.md.sha256.create())
  return { key: keys.pem, cert: forge.pki.certificateToPem(cert) }
}

function makeServerCertificate(names: string[], authorityPem: string, authorityKeyPem: string): { key: string; cert: string } {
  const authority = forge.pki.certificateFromPem(authorityPem)
  const keys = keyPair()
  const cert = newCertificate(keys.publicKey, SERVER_DAYS)
  cert.setSubject([{ name: 'commonName', value: names.find((name) => !isIP(name)) ?? 'localhost' }])
  cert.setIssuer(authority.subject.attributes)
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: names.map((name) => (isIP(name) ? { type: 7, ip: name } : { type: 2, value: name })) },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: authority.generateSubjectKeyIdentifier().getBytes() },
  ])
  cert.sign(forge.pki.privateKeyFromPem(authorityKeyPem), forge.md.sha256.create())
  return { key: keys.pem, cert: forge.pki.certificateToPem(cert) }
}
