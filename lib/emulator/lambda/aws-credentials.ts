/**
 * What Lambda gives a function to call AWS with, locally. On AWS the runtime puts the execution role's
 * temporary credentials in `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`, and
 * `AWS_REGION` (AWS docs: "Defined runtime environment variables"). Locally, like `sam local`, the
 * function gets the developer's own credentials, resolved once through the SDK's default chain
 * (environment, `--profile`, SSO, ...), or none at all when asked. `AWS_ENDPOINT_URL` and
 * `AWS_ENDPOINT_URL_<SERVICE>` (AWS docs: "Service-specific endpoints", AWS SDKs and Tools Reference
 * Guide) pass through from the host, so handlers reach DynamoDB Local, LocalStack or a dev account.
 */

/** Credentials as Lambda sets them in a function's environment. */
export interface FunctionCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** The AWS side of a function's environment: credentials (reserved, as the role's are) and endpoints. */
export interface FunctionAwsEnvironment {
  /** @default - no credentials: SDK calls in handlers fail with CredentialsProviderError */
  readonly credentials?: FunctionCredentials;
  /**
   * `AWS_ENDPOINT_URL` and `AWS_ENDPOINT_URL_<SERVICE>` values; the template's own variables win.
   * @default - none
   */
  readonly endpoints?: Readonly<Record<string, string>>;
}

export interface ResolveAwsEnvironmentOptions {
  /** Named profile of the shared config files. @default - AWS_PROFILE, else `default` */
  readonly profile?: string;
  /** `false` gives functions no credentials (`--no-credentials`). @default true */
  readonly credentials?: boolean;
  /** The host environment to read endpoints and credentials from. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

export interface ResolvedAwsEnvironment extends FunctionAwsEnvironment {
  /** One line for the console: where the functions' credentials come from, or why there are none. */
  readonly summary: string;
}

/** `AWS_ENDPOINT_URL` and every `AWS_ENDPOINT_URL_<SERVICE>` of the host environment. */
export function endpointVariables(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const endpoints: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value !== '' && /^AWS_ENDPOINT_URL(_[A-Z0-9_]+)?$/.test(name)) endpoints[name] = value;
  }
  return endpoints;
}

/** The environment variables Lambda reserves for credentials, from the credentials given. */
export function credentialVariables(credentials: FunctionCredentials | undefined): Record<string, string> {
  if (!credentials) return {};
  return {
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    ...(credentials.sessionToken ? { AWS_SESSION_TOKEN: credentials.sessionToken } : {}),
  };
}

/**
 * Resolves the developer's credentials once (a failure is not fatal: functions then run without
 * credentials, as the summary says) and collects the endpoint variables.
 */
/** How long `serve` waits for the credential chain before it runs functions without credentials. */
const CREDENTIALS_TIMEOUT_MS = 5000;

export async function resolveAwsEnvironment(
  options: ResolveAwsEnvironmentOptions = {},
): Promise<ResolvedAwsEnvironment> {
  const env = options.env ?? process.env;
  const endpoints = endpointVariables(env);
  const endpointNote = Object.keys(endpoints).length > 0 ? `; endpoints ${Object.keys(endpoints).join(', ')}` : '';
  if (options.credentials === false) {
    return { endpoints, summary: `functions run without AWS credentials (--no-credentials)${endpointNote}` };
  }
  const profile = options.profile ?? env.AWS_PROFILE;
  try {
    // Loaded here, not at the top: the chain pulls in a dozen SDK modules only `serve` needs.
    const { defaultProvider } = await import('@aws-sdk/credential-provider-node');
    // The chain's last step asks the EC2 instance metadata service (169.254.169.254), which on a laptop or CI
    // machine only waits for timeouts and sends traffic off this machine: skip it unless the user turned it on.
    const imdsSetting = process.env.AWS_EC2_METADATA_DISABLED;
    if (imdsSetting === undefined) process.env.AWS_EC2_METADATA_DISABLED = 'true';
    const resolved = await Promise.race([
      defaultProvider(profile ? { profile } : {})(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('no credentials found within 5 s')), CREDENTIALS_TIMEOUT_MS).unref(),
      ),
    ]).finally(() => {
      if (imdsSetting === undefined) delete process.env.AWS_EC2_METADATA_DISABLED;
    });
    const credentials: FunctionCredentials = {
      accessKeyId: resolved.accessKeyId,
      secretAccessKey: resolved.secretAccessKey,
      sessionToken: resolved.sessionToken,
    };
    const from = profile ? `profile ${profile}` : "the SDK's default chain";
    const expires = resolved.expiration ? `, expiring ${resolved.expiration.toISOString()}` : '';
    return {
      credentials,
      endpoints,
      summary: `functions get your AWS credentials from ${from} (${maskKeyId(credentials.accessKeyId)}${expires})${endpointNote}`,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      endpoints,
      summary: `functions run without AWS credentials: ${reason} (set AWS_PROFILE or --profile, or pass --no-credentials)${endpointNote}`,
    };
  }
}

function maskKeyId(accessKeyId: string): string {
  return accessKeyId.length > 8 ? `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}` : '…';
}
