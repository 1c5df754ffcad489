/** `portico serve`: load the assembly, start the HTTP door, print routes, keys and one line per request. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { watch } from 'chokidar';
import pc from 'picocolors';
import { explainFailure, unservableMethods } from '../emulator/advice';
import type { CognitoOptions } from '../emulator/authorization/cognito-pools';
import { listHttpRoutes } from '../emulator/http/route-listing';
import { resolveAwsEnvironment } from '../emulator/lambda/aws-credentials';
import type { LambdaMode } from '../emulator/lambda/process-pool';
import { LocalGateway } from '../emulator/local-gateway';
import { createDashboard, DASHBOARD_PREFIX } from '../emulator/observe/dashboard-api';
import type { PipelineResult } from '../emulator/pipeline';
import type { GatewayRequest } from '../emulator/request-context';
import { formatTable, listRoutes } from '../emulator/rest/route-listing';
import { serveGateway } from '../emulator/server';
import { findCdkApp, resynthesizeOnChange, synthesize } from './app-synth';
import { startHttps } from './serve-https';

export interface ServeCommandOptions {
  readonly assembly: string;
  readonly port: number;
  readonly host: string;
  readonly accessLog?: string;
  readonly envVars?: string;
  /** How Node.js functions run (`--lambda-mode worker|in-thread|process`). */
  readonly lambdaMode?: LambdaMode;
  readonly watch?: boolean;
  readonly region?: string;
  /** JWKS file path or URL per issuer, for HTTP API JWT authorizers (`--jwks issuer=path`, repeatable). */
  readonly jwks?: Readonly<Record<string, string>>;
  /** Also serve HTTPS as the custom domains do (serve-https.ts), on `httpsPort` (default 3443). */
  readonly https?: boolean;
  readonly httpsPort?: number;
  readonly cert?: string;
  readonly key?: string;
  readonly truststore?: string;
  /** Named profile whose credentials functions get (`--profile`). */
  readonly profile?: string;
  /** `false` with `--no-credentials`: functions get no AWS credentials. */
  readonly credentials?: boolean;
  /** JWKS file per Cognito user pool (`--cognito-jwks pool=file`). */
  readonly cognitoJwks?: Readonly<Record<string, string>>;
  /** Pools or issuers that accept tokens from `portico token` (`--trust-local-tokens`). */
  readonly trustLocalTokens?: readonly string[];
  /** `--aws-endpoint <url>`: where REST AWS service integrations are sent, SigV4-signed. */
  readonly awsEndpoint?: string;
  /** `--trace`: print the mapped request and response of REST non-proxy integrations. */
  readonly trace?: boolean;
  /** Serve the dashboard under /_portico/ (`--no-dashboard` turns it off). @default true */
  readonly dashboard?: boolean;
  /** Let clients on other machines open the dashboard too (it answers loopback clients only otherwise). */
  readonly dashboardHost?: boolean;
  /** Bearer tokens the dashboard's "Send a request" offers, by label (`--dashboard-token label=token`). */
  readonly dashboardToken?: Readonly<Record<string, string>>;
  /** Requests the dashboard keeps. @default 1000 */
  readonly dashboardHistory?: number;
}

export async function serveCommand(options: ServeCommandOptions): Promise<void> {
  const assembly = resolve(options.assembly);
  // Run from a CDK app (cdk.json here): synthesize it first when there is no assembly yet, and again on change.
  const app = findCdkApp(process.cwd());
  if (app && !existsSync(join(assembly, 'manifest.json'))) await synthesize(app, assembly);
  // Like `sam local`: the developer's credentials, resolved once, stand in for the execution role's.
  const aws = await resolveAwsEnvironment({ profile: options.profile, credentials: options.credentials });
  console.log(pc.dim(aws.summary));
  const region = options.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const cognito = {
    jwks:
      options.cognitoJwks && Object.fromEntries(Object.entries(options.cognitoJwks).map(([p, f]) => [p, resolve(f)])),
    trustLocalTokens: options.trustLocalTokens,
  };
  const load = () =>
    LocalGateway.fromAssembly(assembly, {
      region,
      aws,
      cognito,
      envVars: options.envVars,
      lambdaMode: options.lambdaMode,
      accessLogFile: options.accessLog,
      // Files are resolved now, so a reload after `cd` elsewhere in a watch session still finds them.
      jwks: options.jwks && jwksSources(options.jwks),
      awsEndpoint: options.awsEndpoint,
      ...(options.trace && { onTrace: (line: string) => process.stdout.write(`${pc.dim(`  [trace] ${line}`)}\n`) }),
      onRequest: printRequest,
      observe: options.dashboard !== false && { requestLimit: options.dashboardHistory ?? 1000 },
      onFunctionLog: (fn, line) => process.stdout.write(`${pc.dim(`  [${fn}]`)} ${line}\n`),
    });
  let gateway = await load();
  const server = await serveGateway(
    { handle: (request: GatewayRequest): Promise<PipelineResult> => gateway.handle(request) },
    {
      host: options.host,
      port: options.port,
      dashboard:
        options.dashboard === false
          ? undefined
          : createDashboard(() => gateway, { allowRemote: options.dashboardHost, tokens: options.dashboardToken }),
    },
  );
  printBanner(gateway, server.url, cognito);
  const https = options.https ? await startHttps(() => gateway, options) : undefined;
  if (options.dashboard !== false) printDashboard(server.url, options);

  if (options.watch) {
    if (app) resynthesizeOnChange(app, assembly);
    let reloading: Promise<void> | undefined;
    const watcher = watch(assembly, { ignoreInitial: true, depth: 1, awaitWriteFinish: { stabilityThreshold: 300 } });
    watcher.on('all', (_event, file) => {
      if (!/manifest\.json$|\.template\.json$/.test(file) || reloading) return;
      reloading = (async () => {
        try {
          const next = await load();
          const previous = gateway;
          gateway = next;
          await previous.close();
          console.log(pc.cyan(`↻ reloaded ${assembly}`));
          printBanner(gateway, server.url, cognito);
        } catch (error) {
          console.error(pc.red(`✗ reload failed, still serving the previous assembly: ${(error as Error).message}`));
        } finally {
          reloading = undefined;
        }
      })();
    });
  }

  const stop = async () => {
    await server.close();
    await https?.close();
    await gateway.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function printDashboard(url: string, options: ServeCommandOptions): void {
  const local = url.replace(/\/\/(0\.0\.0\.0|\[::\])(?=:)/, '//127.0.0.1');
  console.log(`${pc.bold('Dashboard')}  ${pc.cyan(`${local}${DASHBOARD_PREFIX}`)}`);
  const loopback = /^(127\.|localhost$|::1$)/.test(options.host);
  if (!loopback && !options.dashboardHost) {
    console.log(pc.dim('  (answers this machine only; --dashboard-host opens it to other hosts)'));
  }
  console.log('');
}

function printBanner(gateway: LocalGateway, url: string, cognito: CognitoOptions): void {
  const { model } = gateway;
  const rows = listRoutes(model);
  const byStage = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.api} · stage ${row.stage}`;
    byStage.set(key, [...(byStage.get(key) ?? []), row]);
  }
  for (const [title, stageRows] of byStage) {
    console.log(pc.bold(`\n${title}`));
    console.log(
      formatTable(
        ['METHOD', 'PATH', 'AUTH', 'API KEY', 'THROTTLE', 'TARGET'],
        stageRows.map((r) => [
          r.method,
          `/${r.stage}${r.path === '/' ? '' : r.path}`,
          r.authorization,
          r.apiKey,
          r.throttle,
          r.target,
        ]),
      ),
    );
  }
  if (model.apiKeys.length > 0) {
    console.log(pc.bold('\nAPI keys (send as x-api-key)'));
    for (const key of model.apiKeys) {
      const plans = model.usagePlans.filter((p) => p.apiKeyIds.includes(key.logicalId)).map((p) => p.name);
      const origin = key.generated ? pc.dim('generated locally') : pc.dim('from the template');
      console.log(`  ${key.name.padEnd(20)} ${key.value}  ${plans.join(', ') || 'no plan'}  ${origin}`);
    }
  }
  printHttpRoutes(gateway);
  for (const item of model.unsupported) console.log(pc.yellow(`! ${item.path}: ${item.reason}`));
  for (const item of unservableMethods(model, { cognito })) {
    console.log(pc.yellow(`! not served locally: ${item.method}: ${item.reason}; ${item.fix}`));
  }
  const ambiguous = gateway.pipeline.stages.ambiguousStageNames;
  console.log(pc.bold('\nServing'));
  for (const api of model.apis) {
    for (const stage of api.stages) {
      const viaRoot = !ambiguous.includes(stage.name);
      const host = gateway.pipeline.stages.hostNameOf(api);
      console.log(
        `  ${url}/${stage.name}/${viaRoot ? '' : pc.dim(`  (send Host: ${host})`)}${viaRoot && model.apis.length > 1 ? pc.dim(`  also Host: ${host}`) : ''}`,
      );
    }
  }
  for (const api of model.httpApis) {
    const host = gateway.pipeline.stages.hostNameOf(api);
    for (const stage of api.stages) {
      const atRoot =
        stage.name === '$default'
          ? gateway.pipeline.stages.servesAtRoot(api)
          : gateway.pipeline.stages.servesStageName(stage.name);
      const where = stage.name === '$default' ? `${url}/` : `${url}/${stage.name}/`;
      console.log(`  ${where}${pc.dim(atRoot ? `  HTTP API ${api.logicalId}` : `  (send Host: ${host})`)}`);
    }
  }
  for (const domain of model.domains) {
    console.log(
      `  ${url}/  ${pc.dim(`with Host: ${domain.domainName} (base paths ${domain.mappings.map((m) => m.basePath).join(', ')})`)}`,
    );
  }
  console.log('');
}

/** HTTP API routes per API and stage, in the REST tables' style. */
function printHttpRoutes(gateway: LocalGateway): void {
  const rows = listHttpRoutes(gateway.model);
  const byStage = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.api} · HTTP API · stage ${row.stage}`;
    byStage.set(key, [...(byStage.get(key) ?? []), row]);
  }
  for (const [title, stageRows] of byStage) {
    console.log(pc.bold(`\n${title}`));
    console.log(
      formatTable(
        ['METHOD', 'PATH', 'AUTH', 'THROTTLE', 'TARGET'],
        stageRows.map((r) => [r.method, r.path, r.authorization, r.throttle, r.target]),
      ),
    );
  }
}

function jwksSources(jwks: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(jwks).map(([issuer, source]) => [issuer, /^https?:\/\//i.test(source) ? source : resolve(source)]),
  );
}

function printRequest(result: PipelineResult): void {
  const { context, response, accessLogLine } = result;
  const status = response.statusCode;
  const color = status >= 500 ? pc.red : status >= 400 ? pc.yellow : pc.green;
  const latency = context.responseLatency ?? 0;
  const extra = context.error ? pc.dim(` ${context.error.responseType}`) : '';
  console.log(
    `${color(String(status))} ${context.request.method} ${context.request.rawUrl} ${pc.dim(`${latency}ms`)}${extra}`,
  );
  if (accessLogLine !== undefined) console.log(pc.dim(`  ${accessLogLine}`));
  const explanation = status >= 500 ? explainFailure(context) : undefined;
  if (explanation) {
    console.log(pc.red(`  ↳ ${explanation.reason}`));
    if (explanation.advice) console.log(pc.yellow(`  ↳ ${explanation.advice}`));
  }
}
