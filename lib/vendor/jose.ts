/**
 * The one door to jose. jose 6 ships ESM only, and a consumer's jest in CommonJS mode cannot require ESM
 * from node_modules without transform tricks; the package build bundles this file (jose inlined) into
 * CommonJS, so `portico/testing` loads under jest, node and tsx alike (docs/decisions/0013).
 */
export {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
  SignJWT,
} from 'jose';
