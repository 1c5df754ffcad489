/** Builders for matched request contexts and a recording fake LambdaInvoker, shared by the E4 tests. */
import { parseRouteKey } from '../../../lib/core/route-key';
import type { AuthorizationSpec, AuthorizerSpec, RouteSpec, RouteTable } from '../../../lib/core/route-table';
import type { InvokeResult, LambdaInvoker } from '../../../lib/emulator/lambda/invoker';
import type { ApiModel, StageModel } from '../../../lib/emulator/model';
import type { RequestContext } from '../../../lib/emulator/request-context';
import { parseQueryString } from '../../../lib/emulator/request-values';

export function route(key: string, options: Partial<Omit<RouteSpec, 'key'>> = {}): RouteSpec {
  return {
    key: parseRouteKey(key),
    authorization: { kind: 'none' },
    apiKeyRequired: false,
    integration: { kind: 'mock', statusCode: 200, responseHeaders: {} },
    requestParameters: {},
    ...options,
  };
}

export function stage(name = 'prod', options: Partial<Omit<StageModel, 'name'>> = {}): StageModel {
  return { name, variables: {}, deploymentId: 'dep123', methodSettings: [], ...options };
}

export function api(
  options: { table?: Partial<RouteTable>; stages?: StageModel[]; logicalId?: string } = {},
): ApiModel {
  return {
    stackName: 'Stack',
    logicalId: options.logicalId ?? 'Api',
    apiId: 'abcde12345',
    name: 'api',
    table: { routes: [], authorizers: [], apiKeySource: 'HEADER', binaryMediaTypes: [], ...options.table },
    stages: options.stages ?? [stage()],
    gatewayResponses: {},
  };
}

export interface RequestOptions {
  method?: string;
  /** Path after the stage, with an optional query: `/users/42?x=1`. */
  path?: string;
  headers?: [string, string][];
  api?: ApiModel;
  stage?: StageModel;
  route?: RouteSpec;
  pathParameters?: Record<string, string>;
  stageVariables?: Record<string, string>;
  sourceIp?: string;
  requestTimeEpoch?: number;
}

/** A request as the pipeline leaves it after matching the stage and the route. */
export function matchedRequest(options: RequestOptions = {}): RequestContext {
  const [path, rawQuery = ''] = (options.path ?? '/users/42').split('?');
  const theStage = options.stage ?? stage();
  const theApi = options.api ?? api({ stages: [theStage] });
  return {
    request: {
      method: options.method ?? 'GET',
      rawUrl: `/${theStage.name}${options.path ?? '/users/42'}`,
      headers: options.headers ?? [],
      body: Buffer.alloc(0),
      sourceIp: options.sourceIp ?? '203.0.113.7',
      protocol: 'HTTP/1.1',
    },
    requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    extendedRequestId: 'ZhFsxGQDDoEEMig=',
    requestTimeEpoch: options.requestTimeEpoch ?? Date.UTC(2024, 5, 17, 15, 2, 3, 35),
    startedAt: 0,
    api: theApi,
    stage: theStage,
    domainName: 'abcde12345.execute-api.eu-west-1.amazonaws.com',
    stageVariables: options.stageVariables ?? theStage.variables,
    isCanaryRequest: false,
    path,
    query: parseQueryString(rawQuery),
    route: options.route ?? route('GET /users/{id}'),
    pathParameters: options.pathParameters ?? { id: '42' },
  };
}

export function authorizerSpec(options: Partial<AuthorizerSpec> = {}): AuthorizerSpec {
  return {
    name: 'auth',
    type: 'TOKEN',
    functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:authorizer',
    identitySources: ['method.request.header.Authorization'],
    resultTtlSeconds: 300,
    ...options,
  };
}

export const authorizedBy = (name: string): AuthorizationSpec => ({ kind: 'authorizer', authorizer: name });

export function allowPolicy(resource: string | string[], effect: 'Allow' | 'Deny' = 'Allow'): object {
  return {
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }],
  };
}

/** A LambdaInvoker that answers from a function of the event and records every call. */
export class FakeInvoker implements LambdaInvoker {
  readonly calls: { functionArn: string; event: unknown; deadlineMs?: number }[] = [];

  constructor(private readonly answer: (event: unknown) => InvokeResult | Promise<InvokeResult>) {}

  static returning(payload: unknown): FakeInvoker {
    return new FakeInvoker(() => ({ kind: 'ok', payload, durationMs: 7, requestId: 'inv-1' }));
  }

  static failing(errorMessage: string, errorType = 'Error'): FakeInvoker {
    return new FakeInvoker(() => ({ kind: 'error', errorType, errorMessage, durationMs: 3, requestId: 'inv-1' }));
  }

  async invoke(functionArn: string, event: unknown, options?: { deadlineMs?: number }): Promise<InvokeResult> {
    this.calls.push({ functionArn, event, deadlineMs: options?.deadlineMs });
    return this.answer(event);
  }

  async close(): Promise<void> {}
}
