/**
 * Reads a cloud assembly into the `GatewayModel` the emulator serves: opens every stack (and nested
 * stack) template, then interprets the resources step by step. Runs once per start; anything that
 * cannot be served is listed in `unsupported` rather than thrown.
 */

import type { ApiModel, FunctionModel, GatewayModel, UnsupportedResource } from '../model';
import { type AssetSource, type CloudAssemblyFiles, readCloudAssembly } from './cloud-assembly';
import { loadDomains } from './domains';
import { loadFunctions } from './functions';
import { loadGatewayResponses } from './gateway-responses';
import { loadHttpApis } from './http-apis';
import type { ResourceAttributes, UnresolvedReporter } from './intrinsics';
import { type ApiBuilder, type LoadContext, type LoadOptions, ResourceEntry } from './load-context';
import { unqualifiedFunctionArn } from './local-ids';
import { resourceAttributes } from './physical-ids';
import { loadResourceMethods } from './resource-methods';
import { createApiBuilders } from './rest-apis';
import { type AssemblyContext, StackScope } from './stack-scope';
import { loadStages } from './stages';
import { loadUsagePlans } from './usage-plans';

const DEFAULT_REGION = 'us-east-1';
const DEFAULT_ACCOUNT_ID = '123456789012';

/** Resource types whose `Ref` other resources use to point at them (a Method's ResourceId, a key's KeyId). */
const REFERENCED_TYPES = new Set([
  'AWS::ApiGateway::Resource',
  'AWS::ApiGateway::Authorizer',
  'AWS::ApiGateway::ApiKey',
  'AWS::ApiGateway::UsagePlan',
  'AWS::ApiGateway::RequestValidator',
  'AWS::ApiGateway::Model',
]);

/** Declared in templates but not served by this emulator: reported once so a user knows why. */
const UNSERVED_TYPES: Readonly<Record<string, string>> = {
  'AWS::Serverless::Api': 'SAM resources (AWS::Serverless transform) are not expanded locally',
  'AWS::Serverless::Function': 'SAM resources (AWS::Serverless transform) are not expanded locally',
};

export function loadAssembly(dir: string, options: LoadOptions = {}): GatewayModel {
  return new AssemblyLoader(readCloudAssembly(dir), options).load();
}

class AssemblyLoader implements AssemblyContext, LoadContext {
  readonly assets: ReadonlyMap<string, AssetSource>;
  functions: ReadonlyMap<string, FunctionModel> = new Map();
  private readonly scopes: StackScope[] = [];
  private readonly served = new Set<StackScope>();
  private readonly unsupportedList: UnsupportedResource[] = [];
  private readonly unsupportedSeen = new Set<string>();
  private byType?: Map<string, ResourceEntry[]>;
  private registry?: Map<string, ResourceEntry>;
  private nameCounts?: Map<string, number>;
  private exportsIndex?: Map<string, { scope: StackScope; output: string }>;
  private apis = new Map<string, ApiBuilder>();

  constructor(
    files: CloudAssemblyFiles,
    readonly options: LoadOptions,
  ) {
    this.assets = files.assets;
    for (const problem of files.problems) this.unsupported(problem.path, problem.reason);
    const wanted = options.stacks ? new Set(options.stacks) : undefined;
    for (const stack of files.stacks) {
      // A stack pinned to an environment in the manifest keeps it, unless the options override it.
      const environment = {
        region: options.region ?? stack.region ?? DEFAULT_REGION,
        accountId: options.accountId ?? stack.account ?? DEFAULT_ACCOUNT_ID,
      };
      const root = new StackScope(stack, stack.stackName, stack.template, environment, this, '');
      const family = [root, ...root.discoverNestedStacks()];
      this.scopes.push(...family);
      if (!wanted || wanted.has(stack.artifactId) || wanted.has(stack.stackName)) {
        for (const scope of family) this.served.add(scope);
      }
    }
  }

  load(): GatewayModel {
    this.functions = loadFunctions(this);
    this.apis = createApiBuilders(this);
    loadResourceMethods(this);
    loadStages(this);
    loadGatewayResponses(this);
    const { usagePlans, apiKeys } = loadUsagePlans(this);
    const httpApis = loadHttpApis(this);
    const domains = httpApis.withMappings(loadDomains(this));
    for (const [type, reason] of Object.entries(UNSERVED_TYPES)) {
      for (const entry of this.entries(type)) this.unsupported(entry.path, reason);
    }
    const apis = [...this.apis.values()].map((api) => this.apiModel(api));
    return {
      apis,
      httpApis: httpApis.apis,
      functions: this.functions,
      usagePlans,
      apiKeys,
      domains,
      unsupported: this.unsupportedList,
    };
  }

  private apiModel(api: ApiBuilder): ApiModel {
    this.checkFunctionTargets(api);
    return {
      stackName: api.entry.scope.stackName,
      logicalId: api.modelId,
      apiId: api.apiId,
      name: api.name,
      table: {
        routes: [...api.routes.values()],
        authorizers: [...api.authorizers.values()],
        apiKeySource: api.apiKeySource,
        binaryMediaTypes: [...api.binaryMediaTypes],
        ...(Object.keys(api.models).length > 0 && { models: api.models }),
      },
      stages: [...api.stages.values()],
      gatewayResponses: api.gatewayResponses,
    };
  }

  /** A Lambda ARN that names no function of the assembly (an imported function) cannot be invoked locally. */
  private checkFunctionTargets(api: ApiBuilder): void {
    const missing = (arn: string | undefined) => {
      const base = unqualifiedFunctionArn(arn ?? '');
      return arn !== undefined && !base.includes('${') && !this.functions.has(base);
    };
    for (const [key, route] of api.routes) {
      if (route.integration.kind === 'lambda' && missing(route.integration.functionArn)) {
        this.unsupported(
          api.entry.path,
          `route "${key}" integrates ${route.integration.functionArn}, which is not a function of this assembly`,
        );
      }
    }
    for (const authorizer of api.authorizers.values()) {
      if (missing(authorizer.functionArn)) {
        this.unsupported(
          api.entry.path,
          `authorizer "${authorizer.name}" invokes ${authorizer.functionArn}, which is not a function of this assembly`,
        );
      }
    }
  }

  // --- LoadContext -------------------------------------------------------------------------------

  entries(type: string): readonly ResourceEntry[] {
    if (!this.byType) {
      this.byType = new Map();
      for (const scope of this.scopes) {
        if (!this.served.has(scope)) continue;
        for (const [logicalId, resource] of Object.entries(scope.template.Resources ?? {})) {
          if (!scope.exists(logicalId)) continue;
          const list = this.byType.get(resource.Type) ?? [];
          list.push(new ResourceEntry(scope, logicalId, resource.Type, this));
          this.byType.set(resource.Type, list);
        }
      }
    }
    return this.byType.get(type) ?? [];
  }

  lookup(id: unknown): ResourceEntry | undefined {
    if (!this.registry) {
      this.registry = new Map();
      for (const type of REFERENCED_TYPES) {
        for (const entry of this.entries(type)) {
          this.registry.set(String(entry.scope.resolve({ Ref: entry.logicalId })), entry);
        }
      }
    }
    return typeof id === 'string' ? this.registry.get(id) : undefined;
  }

  api(id: unknown): ApiBuilder | undefined {
    return typeof id === 'string' ? this.apis.get(id) : undefined;
  }

  modelId(entry: ResourceEntry): string {
    return this.localName(entry.scope, entry.logicalId);
  }

  unsupported(path: string, reason: string): void {
    const key = `${path}\u0000${reason}`;
    if (this.unsupportedSeen.has(key)) return;
    this.unsupportedSeen.add(key);
    this.unsupportedList.push({ path, reason });
  }

  // --- AssemblyContext ---------------------------------------------------------------------------

  /**
   * CDK logical ids are unique only within a template: two copies of one stack (Dev and Prod) share
   * them all. Such ids get their stack's name in front, as CloudFormation's generated names do.
   */
  localName(scope: StackScope, logicalId: string): string {
    if (!this.nameCounts) {
      this.nameCounts = new Map();
      for (const each of this.scopes) {
        for (const id of Object.keys(each.template.Resources ?? {})) {
          this.nameCounts.set(id, (this.nameCounts.get(id) ?? 0) + 1);
        }
      }
    }
    return (this.nameCounts.get(logicalId) ?? 0) > 1 ? `${scope.stackName}-${logicalId}` : logicalId;
  }

  /** Exports of every stack in the assembly (served or not), so that cross-stack references resolve. */
  importValue(name: string, report: UnresolvedReporter): unknown {
    if (!this.exportsIndex) {
      this.exportsIndex = new Map();
      for (const scope of this.scopes) {
        for (const [output, declaration] of Object.entries(scope.template.Outputs ?? {})) {
          if (declaration.Export?.Name === undefined) continue;
          this.exportsIndex.set(String(scope.resolve(declaration.Export.Name)), { scope, output });
        }
      }
    }
    const exported = this.exportsIndex.get(name);
    return exported ? exported.scope.output(exported.output, report) : undefined;
  }

  attributes(scope: StackScope): ResourceAttributes {
    return resourceAttributes(scope, this);
  }

  report(path: string, reason: string): void {
    this.unsupported(path, reason);
  }
}
