/**
 * A REST deployment whose logical id carries a content hash (docs/decisions/0003). API Gateway serves a
 * stage from a deployment snapshot, and CloudFormation only takes a new snapshot when the Deployment's
 * logical id changes; hashing what the API serves makes every change deploy and nothing else redeploy.
 */
import { Lazy, Stack } from 'aws-cdk-lib';
import { CfnDeployment, type CfnRestApi } from 'aws-cdk-lib/aws-apigateway';
import type { Construct } from 'constructs';
import { type DeploymentHashInput, deploymentHash } from '../core/deployment-hash';

/** Hex characters of the hash kept in the logical id: enough to never collide between two versions of one API. */
const HASH_CHARS = 16;

export interface HashedDeployment {
  readonly deployment: CfnDeployment;
  /** The full sha256 of the deployment's inputs, computed at synth time. */
  readonly hash: () => string;
}

export function hashedDeployment(
  scope: Construct,
  id: string,
  restApi: CfnRestApi,
  input: () => DeploymentHashInput,
): HashedDeployment {
  const stack = Stack.of(scope);
  // Token strings (`${Token[TOKEN.123]}`) are numbered in creation order; their resolved CloudFormation
  // (`{"Fn::GetAtt":["AuthorizerFunction1234ABCD","Arn"]}`) names logical ids, which are the same on every run.
  const hash = () => deploymentHash(input(), { stabilize: (token) => JSON.stringify(stack.resolve(token)) ?? token });
  const deployment = new CfnDeployment(scope, id, {
    restApiId: restApi.ref,
    description: Lazy.uncachedString({ produce: () => `Portico deployment ${hash().slice(0, HASH_CHARS)}` }),
  });
  const baseLogicalId = stack.getLogicalId(deployment);
  // Resolved at synth time, once every route has been added.
  deployment.overrideLogicalId(
    Lazy.uncachedString({ produce: () => `${baseLogicalId}${hash().slice(0, HASH_CHARS)}` }),
  );
  return { deployment, hash };
}
