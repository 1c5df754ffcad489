/** The `portico` command line: serve a synthesized gateway locally, list its routes, export them as OpenAPI, verify a deployment. */
import { Command, InvalidArgumentError } from 'commander';
import { openapiCommand } from './openapi';
import { routesCommand } from './routes';
import { serveCommand } from './serve';
import { type VerifyCommandOptions, verifyCommand } from './verify';

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
  .option('--region <region>', 'region reported in ARNs and events', 'us-east-1')
  .option('--watch', 'in a CDK app, re-synthesize it when its sources change; reload whenever the assembly changes')
  .option('--jwks <issuer=path>', 'JWKS file or URL for an HTTP API JWT authorizer issuer (repeatable)', jwksEntry)
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
    process.exitCode = await verifyCommand(options);
  });

program.parseAsync().catch((error: unknown) => {
  console.error(`portico: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
