/**
 * Failures that explain themselves. API Gateway answers a client with a bare `Internal server error`,
 * and so does the emulator; the developer at the console gets the reason instead: at start, one line per
 * method that cannot be served locally (why, and what would make it servable); per failed request, the
 * error's type and message and, for the common causes, one line of advice.
 */
import type { RouteSpec } from '../core/route-table';
import { CognitoKeys, type CognitoOptions, poolOfArn } from './authorization/cognito-pools';
import { packageNameOf } from './lambda/sdk-resolution';
import type { FunctionModel, GatewayModel } from './model';
import type { RequestContext } from './request-context';

/** Why a method cannot be served locally, and what would make it servable. */
export interface UnservableMethod {
  /** `<api> <stage-less method and path>`, e.g. `Orders GET /orders/{id}`, or the HTTP API route key. */
  readonly method: string;
  readonly reason: string;
  readonly fix: string;
}

/** Why a request failed, for the console line under it. */
export interface FailureExplanation {
  /** `Runtime.ImportModuleError: Error: Cannot find module 'x'`, or the reason the method is not served. */
  readonly reason: string;
  /** One line saying what to change, for the causes that have a usual fix. */
  readonly advice?: string;
}

/**
 * Every method of every API whose integration (or authorizer) cannot run here; with `cognito`, also the
 * methods behind a Cognito user pool that was given no keys (every token refused).
 */
export function unservableMethods(model: GatewayModel, options: { cognito?: CognitoOptions } = {}): UnservableMethod[] {
  const found: UnservableMethod[] = [];
  const cognitoKeys = new CognitoKeys(options.cognito);
  const functionOf = (arn: string) => model.functions.get(arn.split(':').slice(0, 7).join(':'));
  for (const api of model.apis) {
    for (const route of api.table.routes) {
      const method = `${api.logicalId} ${route.key.method} ${route.key.path}`;
      const problem = restRouteProblem(route, functionOf);
      if (problem) found.push({ method, ...problem });
      const authorizerProblem = authorizerFunctionProblem(api.table.authorizers, route, functionOf);
      if (authorizerProblem) found.push({ method, ...authorizerProblem });
      const pool = cognitoPoolWithoutKeys(api.table.authorizers, route, cognitoKeys);
      if (options.cognito && pool) {
        found.push({
          method,
          reason: `Cognito user pool ${pool} has no keys here, so every token is refused (401)`,
          fix: `pass --trust-local-tokens ${pool} and call it with a token from \`portico token --pool ${pool}\`, or --cognito-jwks ${pool}=<the pool's jwks.json>`,
        });
      }
    }
  }
  for (const api of model.httpApis) {
    for (const route of api.table.routes) {
      if (route.integration.kind !== 'lambda') continue;
      const fn = functionOf(route.integration.functionArn);
      if (fn?.unsupportedReason) {
        const key = typeof route.key === 'string' ? route.key : `${route.key.method} ${route.key.path}`;
        found.push({
          method: `${api.logicalId} ${key}`,
          reason: `${fn.path}: ${fn.unsupportedReason}`,
          fix: fixFor(fn),
        });
      }
    }
  }
  return found;
}

function restRouteProblem(
  route: RouteSpec,
  functionOf: (arn: string) => FunctionModel | undefined,
): { reason: string; fix: string } | undefined {
  const { integration } = route;
  if (integration.kind === 'unsupported') {
    return {
      reason: integration.reason,
      fix:
        integration.type === 'AWS_PROXY'
          ? "set the integration's httpMethod to POST (CfnMethod Integration.IntegrationHttpMethod); AWS answers this method with 500 too"
          : integration.type === 'AWS' || integration.type === 'HTTP'
            ? 'use a proxy integration (AWS_PROXY to a Lambda function, or HTTP_PROXY) to serve it locally'
            : 'use an AWS_PROXY, HTTP_PROXY or MOCK integration to serve it locally',
    };
  }
  if (integration.kind !== 'lambda' || integration.functionArn.includes('${stageVariables.')) return undefined;
  const fn = functionOf(integration.functionArn);
  if (!fn) {
    return {
      reason: `its function ${integration.functionArn} is not in this assembly`,
      fix: 'deploy-time references to functions of other apps are not served; point the method at a function of this app',
    };
  }
  return fn.unsupportedReason ? { reason: `${fn.path}: ${fn.unsupportedReason}`, fix: fixFor(fn) } : undefined;
}

function authorizerFunctionProblem(
  authorizers: readonly { readonly name: string; readonly type: string; readonly functionArn?: string }[],
  route: RouteSpec,
  functionOf: (arn: string) => FunctionModel | undefined,
): { reason: string; fix: string } | undefined {
  if (route.authorization.kind !== 'authorizer') return undefined;
  const name = route.authorization.authorizer;
  const authorizer = authorizers.find((a) => a.name === name);
  const fn = authorizer?.functionArn ? functionOf(authorizer.functionArn) : undefined;
  if (!fn?.unsupportedReason) return undefined;
  return { reason: `authorizer ${name}: ${fn.path}: ${fn.unsupportedReason}`, fix: fixFor(fn) };
}

function cognitoPoolWithoutKeys(
  authorizers: readonly { readonly name: string; readonly type: string; readonly providerArns?: readonly string[] }[],
  route: RouteSpec,
  keys: CognitoKeys,
): string | undefined {
  if (route.authorization.kind !== 'authorizer') return undefined;
  const name = route.authorization.authorizer;
  const authorizer = authorizers.find((a) => a.name === name && a.type === 'COGNITO_USER_POOLS');
  const pools = (authorizer?.providerArns ?? []).flatMap((arn) => poolOfArn(arn) ?? []);
  if (pools.length === 0 || pools.some((pool) => keys.hasKeys(pool))) return undefined;
  return pools[0].poolId;
}

/** What would let the function run here, by the reason it cannot. */
function fixFor(fn: FunctionModel): string {
  const reason = fn.unsupportedReason ?? '';
  if (/container image/.test(reason))
    return 'package the function as a zip asset (lambda.Code.fromAsset) to run it locally';
  if (/s3:\/\//.test(reason)) return 'give the function its code as an asset of this app (lambda.Code.fromAsset)';
  if (/missing|moved|cleaned/.test(reason))
    return 're-synthesize the app (npx cdk synth) so its assets are in the assembly';
  if (/packaged file/.test(reason)) return 'give the function an asset directory instead of a zip file';
  if (/runtime/.test(reason)) return `give the function a runtime that runs locally (the reason names them)`;
  return 'see README "What runs locally"';
}

/**
 * The explanation of a failed request: the integration's or the authorizer's error, with advice for
 * the usual causes; undefined when the request did not fail in an integration or an authorizer.
 */
export function explainFailure(ctx: RequestContext): FailureExplanation | undefined {
  const integration = ctx.integration;
  if (integration?.error !== undefined) {
    const reason = integration.errorType ? `${integration.errorType}: ${integration.error}` : integration.error;
    return { reason, advice: adviceFor(integration.errorType, integration.error) };
  }
  const authorizer = ctx.authorizer;
  if (authorizer?.error !== undefined && authorizer.status >= 500) {
    const typed = /^([\w.]+): ([\s\S]*)$/.exec(authorizer.error);
    const reason = `authorizer: ${authorizer.error}`;
    return typed
      ? { reason, advice: adviceFor(typed[1], typed[2]) }
      : { reason, advice: adviceFor(undefined, authorizer.error) };
  }
  return undefined;
}

/** One line of advice for a function error (the type as the Lambda runtime reports it), if it is a usual one. */
export function adviceFor(errorType: string | undefined, message: string): string | undefined {
  if (errorType === 'Runtime.ImportModuleError') {
    const missing = /Cannot find (?:module|package) '([^']+)'/.exec(message)?.[1];
    if (missing === undefined) return undefined;
    if (missing.startsWith('/') || missing.startsWith('.')) {
      return `the handler's file ${missing} is not in the asset: check the function's handler (file.export) and its code directory`;
    }
    return missingModuleAdvice(missing);
  }
  if (errorType === 'Runtime.HandlerNotFound') {
    if (/is not a function/.test(message)) {
      return 'the handler export is not a function: export the handler itself, e.g. export const handler = async (event) => ...';
    }
    return "the module has no such export: export it by that name (export const handler = ...), or change the function's handler to the exported name (e.g. index.default for export default)";
  }
  if (errorType === 'Runtime.MalformedHandlerName')
    return 'the handler must be written file.export, e.g. index.handler';
  if (errorType === 'Runtime.UserCodeSyntaxError')
    return 'the handler\'s module does not parse: check the bundle (or its "type": "module")';
  if (errorType === 'CredentialsProviderError') {
    return 'the function has no AWS credentials here: run portico serve with your credentials (AWS_PROFILE or --profile) and without --no-credentials';
  }
  if (message === 'Execution timed out') {
    return "the function ran past its Timeout: raise the function's timeout, or look for a call to an endpoint that is not reachable from here (AWS_ENDPOINT_URL*)";
  }
  if (message === 'Malformed Lambda proxy response') {
    return 'return { statusCode: <number>, headers?: { name: "string" }, body: "<string>" }: the body must be a string (JSON.stringify it), with no other top-level keys';
  }
  return undefined;
}

/** A module the asset needs at run time: the runtime's SDK, or a package the bundle should contain. */
function missingModuleAdvice(moduleName: string): string {
  const pkg = packageNameOf(moduleName);
  if (pkg.startsWith('@aws-sdk/') || pkg.startsWith('@smithy/')) {
    return `Lambda's nodejs18.x and later runtimes provide ${pkg} (AWS SDK v3); install it into your app to run it locally: npm install --save-dev ${pkg}`;
  }
  if (pkg === 'aws-sdk') {
    return 'Lambda provides aws-sdk (v2) only up to nodejs16.x: install it into your app (npm install --save-dev aws-sdk) for those runtimes, or bundle it (or move to @aws-sdk/*) on nodejs18.x and later';
  }
  return `${pkg} is not in the asset and no Lambda runtime provides it: add it to the app's dependencies so the bundle includes it (npm install ${pkg}), or remove it from NodejsFunction's externalModules/nodeModules`;
}
