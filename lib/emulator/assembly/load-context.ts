/**
 * What each interpreting step (functions, APIs, methods, stages, usage plans, domains) is handed by
 * the loader: template resources with their properties resolved on demand, lookups across stacks, and
 * one place to record what cannot be served.
 */
import type { ApiKeySource, AuthorizerSpec, RouteSpec } from '../../core/route-table';
import type { FunctionModel, GatewayResponseOverrides, StageModel } from '../model';
import type { AssetSource } from './cloud-assembly';
import type { StackScope } from './stack-scope';

export interface LoadOptions {
  /** @default 'us-east-1' (or the stack's own region when the manifest pins one) */
  readonly region?: string;
  /** @default '123456789012' (or the stack's own account when the manifest pins one) */
  readonly accountId?: string;
  /** API key values for keys whose template sets none, by key name or logical id. */
  readonly apiKeyValues?: Readonly<Record<string, string>>;
  /**
   * Serve only these stacks (artifact ids or stack names) and their nested stacks; the other stacks
   * are still read, so that their exports resolve.
   * @default - every stack in the assembly
   */
  readonly stacks?: readonly string[];
}

/** One resource of a loaded template. */
export class ResourceEntry {
  constructor(
    readonly scope: StackScope,
    readonly logicalId: string,
    readonly type: string,
    private readonly context: Pick<LoadContext, 'unsupported'>,
  ) {}

  get path(): string {
    return this.scope.pathOf(this.logicalId);
  }

  /** A property with its intrinsics resolved; what cannot be resolved is reported against this resource. */
  prop(name: string): unknown {
    return this.resolve(this.raw(name), name);
  }

  raw(name: string): unknown {
    return this.scope.resource(this.logicalId)?.Properties?.[name];
  }

  metadata(key: string): unknown {
    return this.scope.resource(this.logicalId)?.Metadata?.[key];
  }

  resolve(value: unknown, what = 'a property'): unknown {
    return this.scope.resolve(value, (detail) => this.context.unsupported(this.path, `${what}: ${detail}`));
  }
}

/** A REST API while its parts are being collected from the templates. */
export interface ApiBuilder {
  readonly entry: ResourceEntry;
  readonly apiId: string;
  /** The id other model parts use to name this API (`ApiModel.logicalId`). */
  readonly modelId: string;
  name: string;
  apiKeySource: ApiKeySource;
  readonly binaryMediaTypes: Set<string>;
  /** By route key (`GET /users`); later declarations replace earlier ones. */
  readonly routes: Map<string, RouteSpec>;
  /** By authorizer name. */
  readonly authorizers: Map<string, AuthorizerSpec>;
  /** By stage name. */
  readonly stages: Map<string, StageModel>;
  readonly gatewayResponses: GatewayResponseOverrides;
  /** Request models (JSON Schema) by name. */
  readonly models: Record<string, unknown>;
}

export interface LoadContext {
  readonly options: LoadOptions;
  readonly assets: ReadonlyMap<string, AssetSource>;
  /** Resources of a type in the served stacks, in template order (resources whose Condition is false excluded). */
  entries(type: string): readonly ResourceEntry[];
  /** The resource a resolved `Ref` stand-in names (REST APIs, resources, authorizers, keys, plans, ...). */
  lookup(id: unknown): ResourceEntry | undefined;
  /** The API a resolved `RestApiId` names. */
  api(id: unknown): ApiBuilder | undefined;
  /** Model id of a resource: its logical id, qualified with the stack name when another stack reuses it. */
  modelId(entry: ResourceEntry): string;
  readonly functions: ReadonlyMap<string, FunctionModel>;
  unsupported(path: string, reason: string): void;
}
