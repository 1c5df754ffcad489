/**
 * A custom domain's security policy as Node TLS options (AWS docs: "Choose a security policy for your custom
 * domain in API Gateway", https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html).
 *
 * - `TLS_1_0` accepts TLS 1.0 to 1.3; `TLS_1_2` accepts TLS 1.2 and 1.3 and refuses 1.0/1.1.
 * - Enhanced policies (`SecurityPolicy_…`) name their versions: `SecurityPolicy_TLS13_1_3_…` accepts TLS 1.3 only,
 *   `SecurityPolicy_TLS13_1_2_…` and `SecurityPolicy_TLS12_…` TLS 1.2 and 1.3, `SecurityPolicy_TLS13_<year>_EDGE` 1.3 only.
 *
 * The TLS 1.2-and-below cipher lists are the ones the page lists for Regional domains. OpenSSL 3 refuses TLS 1.0/1.1
 * at its default security level, so the `TLS_1_0` policy lowers it (`@SECLEVEL=0`) on the emulator's side only.
 */
import type { SecureVersion } from 'node:tls';

export interface TlsPolicyOptions {
  readonly minVersion: SecureVersion;
  readonly maxVersion: SecureVersion;
  /** OpenSSL cipher list for TLS 1.2 and below (TLS 1.3 suites are Node's defaults, the three AWS lists). */
  readonly ciphers: string;
}

/** The policy API Gateway applies when the template sets none, and on the local default (non-domain) names. */
export const DEFAULT_SECURITY_POLICY = 'TLS_1_2';

const TLS13_SUITES = 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256';

const TLS_1_2_CIPHERS = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES128-SHA256',
  'ECDHE-RSA-AES128-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-AES256-SHA384',
  'ECDHE-RSA-AES256-SHA384',
  'AES128-GCM-SHA256',
  'AES128-SHA256',
  'AES256-GCM-SHA384',
  'AES256-SHA256',
];

const TLS_1_0_CIPHERS = [
  ...TLS_1_2_CIPHERS,
  'ECDHE-ECDSA-AES128-SHA',
  'ECDHE-RSA-AES128-SHA',
  'ECDHE-RSA-AES256-SHA',
  'ECDHE-ECDSA-AES256-SHA',
  'AES128-SHA',
  'AES256-SHA',
];

/** Enhanced policies accept forward-secret AEAD suites only. */
const ENHANCED_TLS12_CIPHERS = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
];

/** TLS options of a security policy; undefined for a name this table does not know. */
export function tlsPolicyOptions(policy: string | undefined): TlsPolicyOptions | undefined {
  const name = policy ?? DEFAULT_SECURITY_POLICY;
  if (name === 'TLS_1_0') {
    return {
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1.3',
      ciphers: `${TLS13_SUITES}:${TLS_1_0_CIPHERS.join(':')}:@SECLEVEL=0`,
    };
  }
  if (name === 'TLS_1_2')
    return { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3', ciphers: `${TLS13_SUITES}:${TLS_1_2_CIPHERS.join(':')}` };
  if (/^SecurityPolicy_TLS13_1_3(_|$)/.test(name) || /^SecurityPolicy_TLS13_\d{4}_EDGE$/.test(name)) {
    return { minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3', ciphers: TLS13_SUITES };
  }
  if (/^SecurityPolicy_TLS13_1_2(_|$)/.test(name) || /^SecurityPolicy_TLS12_/.test(name)) {
    return {
      minVersion: 'TLSv1.2',
      maxVersion: 'TLSv1.3',
      ciphers: `${TLS13_SUITES}:${ENHANCED_TLS12_CIPHERS.join(':')}`,
    };
  }
  return undefined;
}
