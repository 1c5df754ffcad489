/**
 * CloudFormation intrinsic functions, resolved far enough to connect the resources of a synthesized
 * template: references become local stand-ins for physical ids (see `physical-ids.ts`), strings are
 * joined and substituted as CloudFormation would. What cannot be known locally (an export from a stack
 * outside the assembly, a parameter without a value) becomes a readable placeholder and is reported.
 */

/** What a template's `Ref` and `Fn::GetAtt` to its resources give; `undefined` when no such resource exists. */
export interface ResourceAttributes {
  ref(logicalId: string): unknown;
  getAtt(logicalId: string, attribute: string): unknown;
}

export interface IntrinsicEnvironment {
  readonly region: string;
  readonly accountId: string;
  readonly stackName: string;
  /** @default 'aws' */
  readonly partition?: string;
  /** @default 'amazonaws.com' */
  readonly urlSuffix?: string;
  /** A template parameter's value; `undefined` when the template declares no such parameter. */
  readonly parameter?: (name: string) => { readonly value: unknown } | undefined;
  readonly conditions?: Readonly<Record<string, unknown>>;
  readonly mappings?: Readonly<Record<string, unknown>>;
  readonly resources?: ResourceAttributes;
  /** The value exported under `name` by a stack of the assembly; `undefined` when none exports it. */
  readonly importValue?: (name: string, report: UnresolvedReporter) => unknown;
}

/** Receives one sentence per value that could not be resolved (it is replaced by a placeholder). */
export type UnresolvedReporter = (detail: string) => void;

/** `{ "Ref": "AWS::NoValue" }`: the property or list item holding it is removed. */
const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

const ignore: UnresolvedReporter = () => {};

export class IntrinsicResolver {
  private readonly conditionValues = new Map<string, boolean>();
  private readonly evaluating = new Set<string>();

  constructor(readonly env: IntrinsicEnvironment) {}

  /** Resolves every intrinsic inside `value`; `undefined` when the whole value is `AWS::NoValue`. */
  resolve(value: unknown, report: UnresolvedReporter = ignore): unknown {
    const resolved = this.walk(value, report);
    return resolved === NO_VALUE ? undefined : resolved;
  }

  /** Value of a named condition from the template's `Conditions` section. */
  condition(name: string, report: UnresolvedReporter = ignore): boolean {
    const known = this.conditionValues.get(name);
    if (known !== undefined) return known;
    const expression = this.env.conditions?.[name];
    if (expression === undefined || this.evaluating.has(name)) {
      report(`condition "${name}" is not defined (or refers to itself); treated as false`);
      return false;
    }
    this.evaluating.add(name);
    const value = this.evaluateCondition(expression, report);
    this.evaluating.delete(name);
    this.conditionValues.set(name, value);
    return value;
  }

  private walk(value: unknown, report: UnresolvedReporter): unknown {
    if (Array.isArray(value)) {
      return value.map((item) => this.walk(item, report)).filter((item) => item !== NO_VALUE);
    }
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
      return this.intrinsic(keys[0], record[keys[0]], report);
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const item = this.walk(record[key], report);
      if (item !== NO_VALUE) out[key] = item;
    }
    return out;
  }

  private intrinsic(name: string, args: unknown, report: UnresolvedReporter): unknown {
    switch (name) {
      case 'Ref':
        return this.ref(String(this.walk(args, report)), report);
      case 'Fn::GetAtt':
        return this.getAtt(args, report);
      case 'Fn::Join':
        return this.join(args, report);
      case 'Fn::Sub':
        return this.sub(args, report);
      case 'Fn::Select':
        return this.select(args, report);
      case 'Fn::Split': {
        const [delimiter, source] = this.list(args, 2, name, report);
        return this.text(source, report).split(String(delimiter));
      }
      case 'Fn::If': {
        const [conditionName, whenTrue, whenFalse] = Array.isArray(args) ? args : [];
        return this.walk(this.condition(String(conditionName), report) ? whenTrue : whenFalse, report);
      }
      case 'Fn::Equals':
      case 'Fn::Not':
      case 'Fn::And':
      case 'Fn::Or':
        return this.evaluateCondition({ [name]: args }, report);
      case 'Fn::ImportValue':
        return this.importValue(this.walk(args, report), report);
      case 'Fn::FindInMap':
        return this.findInMap(args, report);
      case 'Fn::Base64':
        return Buffer.from(this.text(this.walk(args, report), report)).toString('base64');
      case 'Fn::GetAZs':
        return ['a', 'b', 'c'].map((zone) => `${this.env.region}${zone}`);
      case 'Fn::Length': {
        const list = this.walk(args, report);
        return Array.isArray(list) ? list.length : 0;
      }
      case 'Fn::ToJsonString':
        return JSON.stringify(this.walk(args, report));
      default:
        report(`${name} is not supported locally`);
        return `<${name}>`;
    }
  }

  private ref(name: string, report: UnresolvedReporter): unknown {
    const pseudo = this.pseudoParameter(name);
    if (pseudo !== undefined) return pseudo;
    const parameter = this.env.parameter?.(name);
    if (parameter) {
      if (parameter.value !== undefined) return parameter.value;
      report(`parameter "${name}" has no default value`);
      return `<Ref ${name}>`;
    }
    const resource = this.env.resources?.ref(name);
    if (resource !== undefined) return resource;
    report(`Ref "${name}" names no parameter or resource of stack ${this.env.stackName}`);
    return `<Ref ${name}>`;
  }

  private pseudoParameter(name: string): unknown {
    const { region, accountId, stackName } = this.env;
    const partition = this.env.partition ?? 'aws';
    switch (name) {
      case 'AWS::Region':
        return region;
      case 'AWS::AccountId':
        return accountId;
      case 'AWS::Partition':
        return partition;
      case 'AWS::URLSuffix':
        return this.env.urlSuffix ?? 'amazonaws.com';
      case 'AWS::StackName':
        return stackName;
      case 'AWS::StackId':
        return `arn:${partition}:cloudformation:${region}:${accountId}:stack/${stackName}/00000000-0000-0000-0000-000000000000`;
      case 'AWS::NotificationARNs':
        return [];
      case 'AWS::NoValue':
        return NO_VALUE;
      default:
        return undefined;
    }
  }

  private getAtt(args: unknown, report: UnresolvedReporter): unknown {
    let logicalId: string;
    let attribute: string;
    if (typeof args === 'string') {
      const dot = args.indexOf('.');
      logicalId = dot === -1 ? args : args.slice(0, dot);
      attribute = dot === -1 ? '' : args.slice(dot + 1);
    } else {
      const [id, attr] = this.list(args, 2, 'Fn::GetAtt', report);
      logicalId = String(id);
      attribute = String(attr);
    }
    const value = this.env.resources?.getAtt(logicalId, attribute);
    if (value !== undefined) return value;
    report(`Fn::GetAtt ${logicalId}.${attribute}: no resource "${logicalId}" in stack ${this.env.stackName}`);
    return `<Fn::GetAtt ${logicalId}.${attribute}>`;
  }

  private join(args: unknown, report: UnresolvedReporter): string {
    const [delimiter, items] = this.list(args, 2, 'Fn::Join', report);
    const list = Array.isArray(items) ? items : [items];
    return list.map((item) => this.text(item, report)).join(String(delimiter ?? ''));
  }

  /**
   * `${Name}` is a parameter, pseudo parameter or resource Ref, `${Name.Attr}` a GetAtt, `${!Text}` the
   * literal `${Text}`. Unknown names are left as written: `${stageVariables.x}` in an integration URI is
   * API Gateway's to resolve per request (AWS docs: "Set up stages for REST APIs").
   */
  private sub(args: unknown, report: UnresolvedReporter): string {
    const [template, variables] = Array.isArray(args) ? args : [args, undefined];
    const values = (this.walk(variables ?? {}, report) ?? {}) as Record<string, unknown>;
    const source = this.text(this.walk(template, report), report);
    return source.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
      const name = inner.trim();
      if (Object.hasOwn(values, name)) return this.text(values[name], report);
      const value = this.subReference(name);
      if (value !== undefined) return this.text(value, report);
      if (!name.startsWith('stageVariables.')) {
        report(`Fn::Sub reference \${${name}} names no parameter or resource; left as written`);
      }
      return whole;
    });
  }

  private subReference(name: string): unknown {
    const pseudo = this.pseudoParameter(name);
    if (pseudo !== undefined) return pseudo;
    const parameter = this.env.parameter?.(name);
    if (parameter) return parameter.value;
    const dot = name.indexOf('.');
    if (dot === -1) return this.env.resources?.ref(name);
    return this.env.resources?.getAtt(name.slice(0, dot), name.slice(dot + 1));
  }

  private select(args: unknown, report: UnresolvedReporter): unknown {
    const [index, items] = this.list(args, 2, 'Fn::Select', report);
    const list = Array.isArray(items) ? items : [];
    const at = Number(index);
    if (!Number.isInteger(at) || at < 0 || at >= list.length) {
      report(`Fn::Select index ${String(index)} is outside a list of ${list.length}`);
      return `<Fn::Select ${String(index)}>`;
    }
    return list[at];
  }

  private findInMap(args: unknown, report: UnresolvedReporter): unknown {
    const [mapName, topKey, secondKey, fallback] = this.list(args, 3, 'Fn::FindInMap', report);
    const map = this.env.mappings?.[String(mapName)] as Record<string, Record<string, unknown>> | undefined;
    const value = map?.[String(topKey)]?.[String(secondKey)];
    if (value !== undefined) return this.walk(value, report);
    const defaultValue = (fallback as { DefaultValue?: unknown } | undefined)?.DefaultValue;
    if (defaultValue !== undefined) return defaultValue;
    report(`Fn::FindInMap ${String(mapName)}.${String(topKey)}.${String(secondKey)} is not in the template's Mappings`);
    return `<Fn::FindInMap ${String(mapName)}.${String(topKey)}.${String(secondKey)}>`;
  }

  private importValue(name: unknown, report: UnresolvedReporter): unknown {
    const exportName = String(name);
    const value = this.env.importValue?.(exportName, report);
    if (value !== undefined) return value;
    report(`Fn::ImportValue "${exportName}": no stack in this assembly exports it`);
    return `<Fn::ImportValue ${exportName}>`;
  }

  private evaluateCondition(expression: unknown, report: UnresolvedReporter): boolean {
    if (typeof expression === 'boolean') return expression;
    if (expression === 'true' || expression === 'false') return expression === 'true';
    const record = (expression ?? {}) as Record<string, unknown>;
    const [operator] = Object.keys(record);
    const args = record[operator];
    const operands = Array.isArray(args) ? args : [args];
    switch (operator) {
      case 'Condition':
        return this.condition(String(args), report);
      case 'Fn::Equals': {
        const [left, right] = operands.map((operand) => this.walk(operand, report));
        return JSON.stringify(scalarText(left)) === JSON.stringify(scalarText(right));
      }
      case 'Fn::Not':
        return !this.evaluateCondition(operands[0], report);
      case 'Fn::And':
        return operands.every((operand) => this.evaluateCondition(operand, report));
      case 'Fn::Or':
        return operands.some((operand) => this.evaluateCondition(operand, report));
      default:
        report(`condition ${JSON.stringify(expression)} is not a condition function; treated as false`);
        return false;
    }
  }

  /** Resolves a function's argument list, reporting (and padding) one that is too short. */
  private list(args: unknown, length: number, name: string, report: UnresolvedReporter): unknown[] {
    const resolved = this.walk(args, report);
    const list = Array.isArray(resolved) ? resolved : [];
    if (list.length < length) report(`${name} expects ${length} arguments, got ${JSON.stringify(args)}`);
    return list;
  }

  /** String form of an already resolved value, as Fn::Join and Fn::Sub need it. */
  private text(value: unknown, report: UnresolvedReporter): string {
    const resolved = this.walk(value, report);
    if (typeof resolved === 'string') return resolved;
    if (typeof resolved === 'number' || typeof resolved === 'boolean') return String(resolved);
    if (resolved === NO_VALUE || resolved === undefined || resolved === null) return '';
    report(`a list or object was used where a string is expected: ${JSON.stringify(resolved)}`);
    return JSON.stringify(resolved);
  }
}

/** Fn::Equals compares values as strings (`"1"` equals `1`). */
function scalarText(value: unknown): unknown {
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}

/**
 * Parameter lookup for a template: a supplied value (a nested stack's `Parameters`) wins over the
 * declared `Default`; list-typed parameters split on commas as CloudFormation does.
 */
export function templateParameters(
  declared: Readonly<Record<string, { readonly Type?: string; readonly Default?: unknown }>> | undefined,
  supplied: (name: string) => unknown = () => undefined,
): (name: string) => { readonly value: unknown } | undefined {
  const cache = new Map<string, { readonly value: unknown }>();
  return (name) => {
    const declaration = declared?.[name];
    if (!declaration) return undefined;
    const hit = cache.get(name);
    if (hit) return hit;
    let value = supplied(name) ?? declaration.Default;
    const type = declaration.Type ?? '';
    if (typeof value === 'string' && (type === 'CommaDelimitedList' || type.startsWith('List<'))) {
      value = value.split(',').map((item) => item.trim());
    }
    const result = { value };
    cache.set(name, result);
    return result;
  };
}
