/** The `portico` command line: serve a synthesized gateway locally, list its routes. */
import { Command, InvalidArgumentError } from 'commander';
import { routesCommand } from '../lib/cli/routes';
import { serveCommand } from '../lib/cli/serve';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return n;
}

const program = new Command('portico').description('Run a synthesized API Gateway locally, as AWS would serve it.');

program
  .command('serve')
  .description('serve every REST API of a cloud assembly on one port')
  .option('--assembly <dir>', 'cloud assembly directory', 'cdk.out')
  .option('--port <n>', 'port to listen on', port, 3000)
  .option('--host <address>', 'address to listen on', '127.0.0.1')
  .option('--access-log <file>', 'append each rendered access-log line to this file')
  .option('--env-vars <file>', 'JSON file of environment overrides per function (SAM --env-vars format)')
  .option('--region <region>', 'region reported in ARNs and events', 'us-east-1')
  .option('--watch', 'reload when the assembly is synthesized again')
  .action(serveCommand);

program
  .command('routes')
  .description('print the route table per API and stage')
  .option('--assembly <dir>', 'cloud assembly directory', 'cdk.out')
  .action(routesCommand);

program.parseAsync().catch((error: unknown) => {
  console.error(`portico: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
