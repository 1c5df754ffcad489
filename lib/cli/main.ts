/** The `portico` command line: serve a synthesized gateway locally, list its routes, export them as OpenAPI, verify a deployment. */
import { Command, InvalidArgumentError } from 'commander';
import { openapiCommand } from './openapi';
import { routesCommand } from './routes';
import { serveCommand } from './serve';
import { tokenCommand } from './token';
import type { VerifyCommandOptions } from './verify';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return n;
}

/** `--jwks issuer=path` (repeatable): the last `=` separates the issuer from the JWKS file or URL. */
function jwksEntry(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const split = value.lastIndexOf('=');
  if (split <= 0 || split === value.length - 1)
    throw new InvalidArgumentError(
      'write --jwks <issuer>=<JWKS file or URL>, e.g. https://auth.example.com/=jwks.json',
    );
  return { ...previous, [value.slice(0, split)]: value.slice(split + 1) };
}

function lambdaMode(value: string): 'worker' | 'in-thread' | 'process' {
  if (value === 'worker' || value === 'in-thread' || value === 'process') return value;
  throw new InvalidArgumentError('expected worker, in-thread or process');
}

/** `--cognito-jwks pool=file` / `--claim name=value` (repeatable): split at the first `=`. */
function keyValue(flag: string, example: string) {
  return (value: string, previous: Record<string, string> = {}): Record<string, string> => {
    const split = value.indexOf('=');
    if (split <= 0) throw new InvalidArgumentError(`write ${flag} ${example}`);
    return { ...previous, [value.slice(0, split)]: value.slice(split + 1) };
  };
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `--dashboard-token label=token` (repeatable): the first `=` separates the label (tokens may end in `=`). */
function tokenEntry(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const split = value.indexOf('=');
  if (split <= 0 || split === value.length - 1)
    throw new InvalidArgumentError('write --dashboard-token <label>=<token>, e.g. alice=eyJhbGciOi...');
  return { ...previous, [value.slice(0, split)]: value.slice(split + 1) };
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a count is a whole number of at least 1');
  return n;
}

const program = new Command('portico').description('Run a synthesized API Gateway locally, as AWS would serve it.');

program
  .command('serve')
  .description('serve every REST and HTTP API of a cloud assembly on one port')
  .option('--assembly <dir>', 'cloud assembly directory', 'cdk.out')
  .option('--port <n>', 'port to listen on', port, 3000)
  .option('--host <address>', 'address to listen on', '127.0.0.1')
  .option('--access-log <file>', 'append each rendered access-log line to this file')
  .option('--env-vars <file>', 'JSON file of environment overrides per function (SAM --env-vars format)')
  .option(
    '--region <region>',
    'region reported in ARNs and events and given to functions (default: AWS_REGION, else us-east-1)',
  )
  .option('--profile <name>', 'AWS profile whose credentials functions get (default: the SDK default chain)')
  .option('--no-credentials', 'give functions no AWS credentials')
  .option(
    '--lambda-mode <mode>',
    'how Node.js functions run: worker (threads), in-thread (vm contexts on the server thread: fastest, CommonJS only) or process (Lambda Runtime API)',
    lambdaMode,
  )
  .option('--watch', 'in a CDK app, re-synthesize it when its sources change; reload whenever the assembly changes')
  .option('--jwks <issuer=path>', 'JWKS file or URL for an HTTP API JWT authorizer issuer (repeatable)', jwksEntry)
  .option('--https', 'also serve HTTPS as the custom domains do (security policy, SNI, mutual TLS)')
  .option('--https-port <n>', 'HTTPS port', port, 3443)
  .option('--cert <file>', 'PEM certificate to serve instead of one from the local CA (with --key)')
  .option('--key <file>', 'PEM private key of --cert')
  .option('--truststore <file>', 'PEM bundle of client CAs for mutual TLS domains (stands in for the S3 truststore)')
  .option(
    '--cognito-jwks <pool=path>',
    "JWKS file of a Cognito user pool's keys (pool id, ARN or logical id; repeatable)",
    keyValue('--cognito-jwks', '<pool>=<jwks.json>'),
  )
  .option(
    '--trust-local-tokens <pool>',
    'accept tokens from `portico token` for this user pool or JWT issuer (repeatable)',
    collect,
  )
  .option('--aws-endpoint <url>', 'send REST AWS service integrations there, SigV4-signed (e.g. a LocalStack)')
  .option('--trace', 'print the mapped request and response of REST non-proxy integrations')
  .option('--no-dashboard', 'do not serve the live dashboard under /_portico/')
  .option('--dashboard-host', 'let clients on other machines open the dashboard (loopback clients only otherwise)')
  .option(
    '--dashboard-token <label=token>',
    'a bearer token the dashboard offers in "Send a request" (repeatable)',
    tokenEntry,
  )
  .option('--dashboard-history <n>', 'requests the dashboard keeps', count, 1000)
  .action(serveCommand);

program
  .command('token')
  .description('print a JWT signed by the local key, for a Cognito user pool or a JWT issuer (local use only)')
  .option('--pool <pool>', 'user pool: id (us-east-1_AbC123), ARN, issuer, or logical id in the assembly')
  .option('--issuer <url>', 'any JWT issuer of an HTTP API (instead of --pool)')
  .option('--assembly <dir>', 'cloud assembly directory, to find a pool by its logical id', 'cdk.out')
  .option('--sub <id>', 'subject (the user id)', 'local-user')
  .option('--client-id <id>', 'app client id (aud of an ID token, client_id of an access token)')
  .option('--audience <aud>', 'aud claim of an --issuer token')
  .option('--scope <scopes>', 'space-separated OAuth scopes (makes a pool token an access token)')
  .option('--token-use <use>', 'id or access (default: access with --scope, else id)')
  .option(
    '--claim <name=value>',
    'another claim (JSON values are parsed; repeatable)',
    keyValue('--claim', '<name>=<value>'),
  )
  .option('--expires-in <span>', 'lifetime: 30m, 2h, 7d; negative (-1h) for an expired token', '1h')
  .option('--key-file <file>', 'local signing key (default: PORTICO_LOCAL_KEY_FILE or ~/.portico/local-token-key.json)')
  .action(tokenCommand);

program
  .command('routes')
  .description('print the route table per API and stage')
  .option('--assembly <dir>', 'cloud assembly directory', 'cdk.out')
  .action(routesCommand);

program
  .command('openapi')
  .description('print the route table as an OpenAPI 3.0 document (for client generation and docs)')
  .option('--assembly <dir>', 'cloud assembly directory', 'cdk.out')
  .option('--stack <name>', 'only the REST APIs of this stack')
  .option('--stage <name>', 'only this stage (one version of a Portico gateway)')
  .option('--aws-extensions', 'keep the x-amazon-apigateway-* extensions')
  .option('--http', 'export the HTTP APIs (the default when the assembly has no REST API)')
  .option('--region <region>', 'region in server URLs and Lambda ARNs', 'us-east-1')
  .action(openapiCommand);

program
  .command('verify')
  .description('compare a deployed gateway with the synthesized template; exit 1 on drift, 2 when it cannot check')
  .option('--stack <name>', "stack whose APIs are verified (default: the assembly's only stack)")
  .option('--assembly <dir>', 'cloud assembly directory', 'cdk.out')
  .option('--region <region>', 'region of the deployed API (default: AWS_REGION)')
  .option('--endpoint <url>', 'API Gateway management endpoint, e.g. http://127.0.0.1:3000 for `portico serve`')
  .option('--api-id <id>', 'id of the deployed API (default: found by the API name in the template)')
  .action(async (options: VerifyCommandOptions) => {
    // The AWS SDK clients are loaded only for `verify`: serve, routes and openapi never pay for them.
    const { verifyCommand } = await import('./verify.js');
    process.exitCode = await verifyCommand(options);
  });

program.parseAsync().catch((error: unknown) => {
  console.error(`portico: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
