/**
 * Prints a token for the example gateway's local authorizer:
 *   npx tsx bin/dev-token.ts --sub u-1 --scope "orders:read orders:write"
 *   curl -H "Authorization: Bearer $(npx tsx bin/dev-token.ts --sub u-1)" http://localhost:3000/v1/users
 */
import { Command } from 'commander';
import { signDevToken } from '../lambdas/authorizer/dev-token';

const program = new Command()
  .name('dev-token')
  .description('Print a development JWT accepted by the example authorizer (local use only)')
  .requiredOption('--sub <userId>', 'subject: the caller user id, e.g. u-1')
  .option('--scope <scopes>', 'space-separated scopes, e.g. "orders:read orders:write"', '')
  .option('--expires-in <span>', 'lifetime as a time span (30m, 2h, 7d)', '1h')
  .option('--secret <secret>', 'HS256 secret (default: the local development secret)')
  .parse();

const options = program.opts<{ sub: string; scope: string; expiresIn: string; secret?: string }>();

signDevToken({ sub: options.sub, scopes: options.scope, expiresIn: options.expiresIn, secret: options.secret }).then(
  (token) => process.stdout.write(`${token}\n`),
  (error: unknown) => {
    process.stderr.write(`dev-token: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
