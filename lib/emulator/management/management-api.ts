/**
 * The read-only part of API Gateway's management API, for the gateway the emulator serves, so that tools built
 * on the AWS SDK (`portico verify`) can be pointed at it with `endpoint: http://127.0.0.1:PORT`:
 * - v2 (`@aws-sdk/client-apigatewayv2`): `GET /v2/apis`, `/v2/apis/{apiId}`, and the API's `routes`,
 *   `integrations`, `authorizers` and `stages`, each list and each item;
 * - v1 (`@aws-sdk/client-api-gateway`): `GET /restapis`, `/restapis/{id}`, its `resources` (methods embedded),
 *   `authorizers`, `stages`, and `/usageplans`.
 * A request is a management call when its SigV4 credential scope names the service `apigateway`
 * (`signed-service.ts`); everything else is gateway traffic and `answer` returns undefined.
 * Errors use the REST-JSON error shape (`x-amzn-ErrorType` header, `{"message"}` body) the SDKs parse.
 */
import { randomUUID } from 'node:crypto';
import type { GatewayModel } from '../model';
import type { GatewayRequest, GatewayResponse } from '../request-context';
import { parseRequestTarget } from '../request-target';
import { parseQueryString } from '../request-values';
import {
  httpApiResource,
  httpAuthorizerResources,
  httpIntegrationResources,
  httpRouteResources,
  httpStageResources,
  type WireObject,
} from './http-api-resources';
import { type Page, PagingError, pageOf } from './paging';
import { restApiResource, restAuthorizers, restResources, restStages, usagePlanResources } from './rest-api-resources';
import { MANAGEMENT_SERVICE, signedService } from './signed-service';

export interface ManagementApiOptions {
  /** Region in the endpoints and Lambda invocation URIs the answers carry. */
  readonly region: string;
  readonly accountId: string;
}

class ManagementError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorType: string,
    message: string,
  ) {
    super(message);
  }
}

type Query = ReadonlyMap<string, string>;

/** The list items of one API's sub-resource (`routes`, `stages`, ...) and the key that names one of them. */
interface Collection {
  readonly items: () => WireObject[];
  readonly idKey: string;
  readonly type: string;
}

export class ManagementApi {
  constructor(
    private readonly model: GatewayModel,
    private readonly options: ManagementApiOptions,
  ) {}

  /** The answer to a management call, or undefined when the request is gateway traffic. */
  answer(request: GatewayRequest): GatewayResponse | undefined {
    if (signedService(request.headers) !== MANAGEMENT_SERVICE) return undefined;
    const target = parseRequestTarget(request.rawUrl);
    const segments = (target?.path ?? '/').split('/').filter(Boolean).map(decodeSegment);
    const query: Query = new Map(parseQueryString(target?.rawQuery ?? ''));
    try {
      if (request.method.toUpperCase() !== 'GET') {
        throw new ManagementError(
          405,
          'BadRequestException',
          `The local emulator answers read-only management calls (GET) only, not ${request.method} ${target?.path}`,
        );
      }
      const body = segments[0] === 'v2' ? this.v2(segments.slice(1), query) : this.v1(segments, query);
      return json(200, body);
    } catch (error) {
      if (error instanceof ManagementError) return json(error.statusCode, { message: error.message }, error.errorType);
      if (error instanceof PagingError) return json(400, { message: error.message }, 'BadRequestException');
      throw error;
    }
  }

  // --- API Gateway v2 (HTTP APIs) -----------------------------------------------------------------

  private v2(segments: readonly string[], query: Query): WireObject {
    const { region } = this.options;
    if (segments[0] !== 'apis') throw unknownPath(segments);
    if (segments.length === 1)
      return v2Page(
        this.model.httpApis.map((api) => httpApiResource(api, region)),
        query,
      );
    const api = this.model.httpApis.find((each) => each.apiId === segments[1]);
    if (!api) throw this.notFound('API', segments[1]);
    if (segments.length === 2) return httpApiResource(api, region);
    const collections: Readonly<Record<string, Collection>> = {
      routes: { items: () => httpRouteResources(api), idKey: 'routeId', type: 'Route' },
      integrations: { items: () => httpIntegrationResources(api), idKey: 'integrationId', type: 'Integration' },
      authorizers: { items: () => httpAuthorizerResources(api, region), idKey: 'authorizerId', type: 'Authorizer' },
      stages: { items: () => httpStageResources(api), idKey: 'stageName', type: 'Stage' },
    };
    const collection = Object.hasOwn(collections, segments[2]) ? collections[segments[2]] : undefined;
    if (!collection || segments.length > 4) throw unknownPath(['v2', ...segments]);
    if (segments.length === 3) return v2Page(collection.items(), query);
    const item = collection.items().find((each) => each[collection.idKey] === segments[3]);
    if (!item) throw this.notFound(collection.type, segments[3]);
    return item;
  }

  // --- API Gateway v1 (REST APIs) ------------------------------------------------------------------

  private v1(segments: readonly string[], query: Query): WireObject {
    const { region } = this.options;
    if (segments[0] === 'usageplans' && segments.length === 1) {
      return v1Page(usagePlanResources(this.model), query);
    }
    if (segments[0] !== 'restapis') throw unknownPath(segments);
    if (segments.length === 1) return v1Page(this.model.apis.map(restApiResource), query);
    const api = this.model.apis.find((each) => each.apiId === segments[1]);
    if (!api) throw this.notFound('API', segments[1]);
    if (segments.length === 2) return restApiResource(api);
    if (segments.length === 3) {
      switch (segments[2]) {
        case 'resources':
          return v1Page(restResources(api, region), query);
        case 'authorizers':
          return v1Page(restAuthorizers(api, region), query);
        case 'stages':
          // GetStages is not paginated: every stage in `item`.
          return { item: restStages(api) };
      }
    }
    if (segments.length === 4 && segments[2] === 'stages') {
      const stage = restStages(api).find((each) => each.stageName === segments[3]);
      if (!stage) throw this.notFound('Stage', segments[3]);
      return stage;
    }
    throw unknownPath(segments);
  }

  /** AWS's wording for an id that names nothing: `Invalid API identifier specified {account}:{id}`. */
  private notFound(type: string, id: string): ManagementError {
    const what = type === 'API' ? 'API identifier' : `${type} identifier`;
    return new ManagementError(404, 'NotFoundException', `Invalid ${what} specified ${this.options.accountId}:${id}`);
  }
}

function v2Page(all: readonly WireObject[], query: Query): WireObject {
  const page: Page<WireObject> = pageOf(all, query.get('nextToken'), query.get('maxResults'));
  return { items: page.items, ...(page.next && { nextToken: page.next }) };
}

function v1Page(all: readonly WireObject[], query: Query): WireObject {
  const page = pageOf(all, query.get('position'), query.get('limit'));
  return { item: page.items, ...(page.next && { position: page.next }) };
}

/** `%24default` → `$default`; a malformed escape stays as written (and then names nothing). */
function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function unknownPath(segments: readonly string[]): ManagementError {
  return new ManagementError(
    404,
    'NotFoundException',
    `The local emulator does not answer GET /${segments.map(encodeURIComponent).join('/')}`,
  );
}

function json(statusCode: number, body: unknown, errorType?: string): GatewayResponse {
  const headers: [string, string][] = [
    ['Content-Type', 'application/json'],
    ['x-amzn-RequestId', randomUUID()],
  ];
  if (errorType) headers.push(['x-amzn-ErrorType', errorType]);
  return { statusCode, headers, body: Buffer.from(JSON.stringify(body)) };
}
