/**
 * The server name (SNI) of a TLS ClientHello, read before the handshake starts. The emulator needs it first:
 * a domain's security policy (protocol versions, ciphers) and its truststore must be in the TLS session from
 * the first byte, and OpenSSL does not apply another context's protocol range once the handshake has begun
 * (which is why Node's `SNICallback` cannot select a policy). RFC 8446 §4.1.2 and RFC 6066 §3.
 */

/** What the first bytes of a connection say. */
export type ClientHelloPeek =
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'not-tls' }
  | { readonly kind: 'hello'; readonly serverName?: string };

const HANDSHAKE = 0x16;
const CLIENT_HELLO = 0x01;
const SERVER_NAME_EXTENSION = 0x0000;
const HOST_NAME = 0x00;

/** Reads the SNI host name from the first TLS record, or says more bytes are needed. */
export function peekClientHello(data: Buffer): ClientHelloPeek {
  if (data.length < 5) return data.length > 0 && data[0] !== HANDSHAKE ? { kind: 'not-tls' } : { kind: 'incomplete' };
  if (data[0] !== HANDSHAKE) return { kind: 'not-tls' };
  const recordLength = data.readUInt16BE(3);
  if (data.length < 5 + recordLength) return { kind: 'incomplete' };
  const record = data.subarray(5, 5 + recordLength);
  try {
    return { kind: 'hello', serverName: serverNameOf(record) };
  } catch {
    // A ClientHello this reader cannot follow: let OpenSSL judge it, with the default names' context.
    return { kind: 'hello' };
  }
}

function serverNameOf(record: Buffer): string | undefined {
  if (record[0] !== CLIENT_HELLO) return undefined;
  let at = 4 + 2 + 32; // handshake header, legacy_version, random
  at += 1 + record[at]; // legacy_session_id
  at += 2 + record.readUInt16BE(at); // cipher_suites
  at += 1 + record[at]; // legacy_compression_methods
  if (at + 2 > record.length) return undefined;
  const end = Math.min(record.length, at + 2 + record.readUInt16BE(at));
  at += 2;
  while (at + 4 <= end) {
    const type = record.readUInt16BE(at);
    const length = record.readUInt16BE(at + 2);
    at += 4;
    if (type === SERVER_NAME_EXTENSION) {
      let entry = at + 2;
      const listEnd = Math.min(at + 2 + record.readUInt16BE(at), at + length);
      while (entry + 3 <= listEnd) {
        const nameType = record[entry];
        const nameLength = record.readUInt16BE(entry + 1);
        if (nameType === HOST_NAME) return record.toString('ascii', entry + 3, entry + 3 + nameLength).toLowerCase();
        entry += 3 + nameLength;
      }
      return undefined;
    }
    at += length;
  }
  return undefined;
}
