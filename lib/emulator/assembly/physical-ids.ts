/**
 * What `Ref` and `Fn::GetAtt` give for each resource type, as local stand-ins for the physical ids AWS
 * would assign. They only need to be stable and to connect resources: a Method's `RestApiId` must equal
 * its API's id, an integration URI must contain the same function ARN the function model is keyed by.
 */
import type { ResourceAttributes } from './intrinsics';
import { apiLocalId, canonicalFunctionArn } from './local-ids';
import type { StackScope } from './stack-scope';
import { asString } from './template-values';

export interface PhysicalIdContext {
  localName(scope: StackScope, logicalId: string): string;
}

/** Stand-in id of a REST API's root resource (`Fn::GetAtt Api.RootResourceId`). */
export function rootResourceId(apiId: string): string {
  return `${apiId}-root`;
}

/** Attributes whose value is the resource's own id, the same as its `Ref`. */
const ID_ATTRIBUTES: Readonly<Record<string, string>> = {
  'AWS::ApiGateway::RestApi': 'RestApiId',
  'AWS::ApiGateway::Authorizer': 'AuthorizerId',
  'AWS::ApiGateway::Deployment': 'DeploymentId',
  'AWS::ApiGateway::Resource': 'ResourceId',
  'AWS::ApiGateway::ApiKey': 'APIKeyId',
  'AWS::ApiGateway::UsagePlan': 'Id',
  'AWS::Lambda::Alias': 'AliasArn',
  'AWS::Lambda::Version': 'FunctionArn',
};

export function resourceAttributes(scope: StackScope, context: PhysicalIdContext): ResourceAttributes {
  const { region, accountId } = scope.environment;
  const computing = new Set<string>();
  let versionNumbers: Map<string, string> | undefined;

  const prop = (logicalId: string, name: string): unknown =>
    scope.resolve(scope.resource(logicalId)?.Properties?.[name]);

  const functionArn = (logicalId: string): string =>
    canonicalFunctionArn(
      asString(prop(logicalId, 'FunctionName')) ?? context.localName(scope, logicalId),
      region,
      accountId,
    );

  /** ARN of the function an Alias or Version points at (its `FunctionName` may be a name or an ARN). */
  const targetArn = (logicalId: string): string =>
    canonicalFunctionArn(asString(prop(logicalId, 'FunctionName')) ?? '', region, accountId);

  /** Versions are numbered per function in template order, as publishing them would number them. */
  const versionNumber = (logicalId: string): string => {
    if (!versionNumbers) {
      versionNumbers = new Map();
      const counters = new Map<string, number>();
      for (const [id, resource] of Object.entries(scope.template.Resources ?? {})) {
        if (resource.Type !== 'AWS::Lambda::Version') continue;
        const key = JSON.stringify(resource.Properties?.FunctionName);
        const next = (counters.get(key) ?? 0) + 1;
        counters.set(key, next);
        versionNumbers.set(id, String(next));
      }
    }
    return versionNumbers.get(logicalId) ?? '1';
  };

  const ref = (logicalId: string): unknown => {
    const resource = scope.resource(logicalId);
    if (!resource) return undefined;
    const name = context.localName(scope, logicalId);
    switch (resource.Type) {
      case 'AWS::ApiGateway::RestApi':
        return apiLocalId(logicalId, scope.stackName);
      case 'AWS::Lambda::Function':
        return asString(prop(logicalId, 'FunctionName')) ?? name;
      case 'AWS::Lambda::Alias':
        return `${targetArn(logicalId)}:${asString(prop(logicalId, 'Name')) ?? name}`;
      case 'AWS::Lambda::Version':
        return `${targetArn(logicalId)}:${versionNumber(logicalId)}`;
      case 'AWS::ApiGateway::Stage':
        return asString(prop(logicalId, 'StageName')) ?? name;
      case 'AWS::ApiGateway::DomainName':
      case 'AWS::ApiGatewayV2::DomainName':
        return asString(prop(logicalId, 'DomainName')) ?? name;
      case 'AWS::Logs::LogGroup':
        return asString(prop(logicalId, 'LogGroupName')) ?? name;
      case 'AWS::Cognito::UserPool':
        // A pool id is `<region>_<id>`; the local stand-in keeps the logical id readable (`portico token --pool`).
        return `${region}_${logicalId.replace(/[^0-9A-Za-z]/g, '')}`;
      default:
        return name;
    }
  };

  const getAtt = (logicalId: string, attribute: string): unknown => {
    const resource = scope.resource(logicalId);
    if (!resource) return undefined;
    if (ID_ATTRIBUTES[resource.Type] === attribute) return ref(logicalId);
    switch (`${resource.Type}.${attribute}`) {
      case 'AWS::Lambda::Function.Arn':
        return functionArn(logicalId);
      case 'AWS::Lambda::Version.Version':
        return versionNumber(logicalId);
      case 'AWS::ApiGateway::RestApi.RootResourceId':
        return rootResourceId(apiLocalId(logicalId, scope.stackName));
      case 'AWS::Logs::LogGroup.Arn':
        return `arn:aws:logs:${region}:${accountId}:log-group:${ref(logicalId)}:*`;
      case 'AWS::IAM::Role.Arn':
        return `arn:aws:iam::${accountId}:role/${ref(logicalId)}`;
      case 'AWS::Cognito::UserPool.Arn':
        return `arn:aws:cognito-idp:${region}:${accountId}:userpool/${ref(logicalId)}`;
      case 'AWS::Cognito::UserPool.ProviderURL':
        return `https://cognito-idp.${region}.amazonaws.com/${ref(logicalId)}`;
      case 'AWS::Cognito::UserPool.ProviderName':
        return `cognito-idp.${region}.amazonaws.com/${ref(logicalId)}`;
    }
    if (resource.Type === 'AWS::CloudFormation::Stack' && attribute.startsWith('Outputs.')) {
      const output = scope.children.get(logicalId)?.output(attribute.slice('Outputs.'.length));
      return output ?? `<${logicalId}.${attribute}>`;
    }
    return `${context.localName(scope, logicalId)}.${attribute}`;
  };

  /** A template that refers to itself in circles must not hang the loader: fall back to the plain name. */
  const guarded =
    <A extends unknown[]>(kind: string, fn: (logicalId: string, ...rest: A) => unknown) =>
    (logicalId: string, ...rest: A): unknown => {
      const key = `${kind}:${logicalId}:${rest.join('.')}`;
      if (computing.has(key)) return context.localName(scope, logicalId);
      computing.add(key);
      try {
        return fn(logicalId, ...rest);
      } finally {
        computing.delete(key);
      }
    };

  return { ref: guarded('ref', ref), getAtt: guarded('getAtt', getAtt) };
}
