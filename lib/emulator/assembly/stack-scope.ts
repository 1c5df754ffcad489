/**
 * One CloudFormation template being read: its resources, parameters, intrinsic resolver, construct
 * paths and nested stacks. Nested stacks (`AWS::CloudFormation::Stack` whose template is an asset) get
 * their own scope whose parameters resolve in the parent, as CloudFormation passes them.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AssemblyStack, AssetSource, CfnResource, CfnTemplate } from './cloud-assembly';
import { IntrinsicResolver, type ResourceAttributes, templateParameters, type UnresolvedReporter } from './intrinsics';
import { asRecord, asString } from './template-values';

/** Region and account a stack deploys to: its ARNs and pseudo parameters use them. */
export interface StackEnvironment {
  readonly region: string;
  readonly accountId: string;
}

/** What every scope of one assembly shares (implemented by the loader). */
export interface AssemblyContext {
  readonly assets: ReadonlyMap<string, AssetSource>;
  /** Name for a resource without an explicit one: its logical id, qualified when another stack reuses it. */
  localName(scope: StackScope, logicalId: string): string;
  importValue(name: string, report: UnresolvedReporter): unknown;
  attributes(scope: StackScope): ResourceAttributes;
  report(path: string, reason: string): void;
}

export class StackScope {
  readonly resolver: IntrinsicResolver;
  /** Nested stacks by the logical id of their `AWS::CloudFormation::Stack` resource. */
  readonly children = new Map<string, StackScope>();
  private readonly paths: ConstructPaths;

  constructor(
    readonly stack: AssemblyStack,
    readonly stackName: string,
    readonly template: CfnTemplate,
    readonly environment: StackEnvironment,
    private readonly context: AssemblyContext,
    /** Construct path of a nested stack (`Parent/Routes`); '' for a top-level stack. */
    readonly pathPrefix: string,
    supplied?: (name: string) => unknown,
    paths?: ConstructPaths,
  ) {
    this.paths = paths ?? new ConstructPaths(stack.constructPaths);
    this.paths.add(this);
    this.resolver = new IntrinsicResolver({
      ...environment,
      stackName,
      parameter: templateParameters(template.Parameters, supplied),
      conditions: template.Conditions,
      mappings: template.Mappings,
      resources: context.attributes(this),
      importValue: (name, report) => context.importValue(name, report),
    });
  }

  get assemblyDir(): string {
    return this.stack.assemblyDir;
  }

  resource(logicalId: string): CfnResource | undefined {
    return this.template.Resources?.[logicalId];
  }

  /** False for a resource whose `Condition` is false: CloudFormation does not create it. */
  exists(logicalId: string): boolean {
    const condition = this.resource(logicalId)?.Condition;
    return condition === undefined || this.resolver.condition(condition);
  }

  /** Construct path (`aws:cdk:path`) of a resource, else `Stack/LogicalId`. */
  pathOf(logicalId: string): string {
    const fromTemplate = asString(this.resource(logicalId)?.Metadata?.['aws:cdk:path']);
    return fromTemplate ?? this.paths.lookup(this, logicalId) ?? `${this.stackName}/${logicalId}`;
  }

  resolve(value: unknown, report?: UnresolvedReporter): unknown {
    return this.resolver.resolve(value, report);
  }

  /** Value of one of this template's `Outputs` (a parent's `Fn::GetAtt Nested.Outputs.Name`). */
  output(name: string, report?: UnresolvedReporter): unknown {
    const output = this.template.Outputs?.[name];
    return output ? this.resolve(output.Value, report) : undefined;
  }

  /** Finds and opens every nested stack template, recursively; returns all scopes below this one. */
  discoverNestedStacks(): StackScope[] {
    const found: StackScope[] = [];
    for (const [logicalId, resource] of Object.entries(this.template.Resources ?? {})) {
      if (resource.Type !== 'AWS::CloudFormation::Stack') continue;
      const file = this.nestedTemplateFile(resource);
      const template = file ? readTemplate(file) : undefined;
      if (!template) {
        this.context.report(
          this.pathOf(logicalId),
          `nested stack template not found in the assembly (${file ?? 'no asset for its TemplateURL'}); its resources are not served`,
        );
        continue;
      }
      const nestedPath = this.paths.nestedStackPath(logicalId);
      const parameters = asRecord(resource.Properties?.Parameters) ?? {};
      const report = (detail: string) => this.context.report(this.pathOf(logicalId), detail);
      const supplied = (name: string) => (name in parameters ? this.resolve(parameters[name], report) : undefined);
      const child = new StackScope(
        this.stack,
        `${this.stackName}-${logicalId}`,
        template,
        this.environment,
        this.context,
        nestedPath ?? `${this.stackName}/${logicalId}`,
        supplied,
        this.paths,
      );
      this.children.set(logicalId, child);
      found.push(child, ...child.discoverNestedStacks());
    }
    return found;
  }

  /** `aws:asset:path` metadata when the CLI wrote it, else the asset published to the TemplateURL's key. */
  private nestedTemplateFile(resource: CfnResource): string | undefined {
    const assetPath = asString(resource.Metadata?.['aws:asset:path']);
    if (assetPath) return path.resolve(this.assemblyDir, assetPath);
    // Resource references are never needed to locate an asset: resolve with pseudo parameters only.
    const url = new IntrinsicResolver({ ...this.environment, stackName: this.stackName }).resolve(
      resource.Properties?.TemplateURL,
    );
    return typeof url === 'string' ? this.context.assets.get(url.split('/').pop() ?? '')?.path : undefined;
  }
}

function readTemplate(file: string): CfnTemplate | undefined {
  try {
    return asRecord(JSON.parse(readFileSync(file, 'utf8'))) as CfnTemplate | undefined;
  } catch {
    return undefined;
  }
}

/**
 * Construct paths of one stack artifact, shared by its nested scopes. CDK logical ids are unique only
 * within a template, so each path goes to the scope with the longest matching nested-stack prefix.
 */
class ConstructPaths {
  private readonly scopes: StackScope[] = [];
  private byScope?: Map<StackScope, Map<string, string>>;

  constructor(private readonly entries: readonly { readonly path: string; readonly logicalId: string }[]) {}

  add(scope: StackScope): void {
    this.scopes.push(scope);
    this.byScope = undefined;
  }

  lookup(scope: StackScope, logicalId: string): string | undefined {
    this.byScope ??= this.assign();
    return this.byScope.get(scope)?.get(logicalId);
  }

  /** `Parent/Routes.NestedStack/Routes.NestedStackResource` → `Parent/Routes`, the nested stack's own path. */
  nestedStackPath(logicalId: string): string | undefined {
    for (const entry of this.entries) {
      if (entry.logicalId !== logicalId) continue;
      const match = /^(.*)\/([^/]+)\.NestedStack\/\2\.NestedStackResource$/.exec(entry.path);
      if (match) return `${match[1]}/${match[2]}`;
    }
    return undefined;
  }

  private assign(): Map<StackScope, Map<string, string>> {
    const byScope = new Map<StackScope, Map<string, string>>();
    for (const entry of this.entries) {
      let owner: StackScope | undefined;
      for (const scope of this.scopes) {
        const prefix = scope.pathPrefix;
        const owns = prefix === '' || entry.path.startsWith(`${prefix}/`);
        if (owns && (!owner || prefix.length > owner.pathPrefix.length)) owner = scope;
      }
      if (!owner) continue;
      const paths = byScope.get(owner) ?? new Map<string, string>();
      byScope.set(owner, paths);
      if (!paths.has(entry.logicalId)) paths.set(entry.logicalId, entry.path);
    }
    return byScope;
  }
}
