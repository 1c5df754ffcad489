/**
 * The emulator's assembly loader: a cloud assembly (`cdk.out`, or an in-memory synth of a stack) in,
 * the `GatewayModel` every pipeline step reads out.
 */

export { NONE_BASE_PATH } from './domains';
export { loadAssembly } from './load-assembly';
export type { LoadOptions } from './load-context';
export { apiLocalId, unqualifiedFunctionArn } from './local-ids';

/**
 * A CDK stack seen only through its construct tree, so that the emulator needs no aws-cdk-lib value
 * at serve time: `stack.node.root` is the App.
 */
export interface StackLike {
  readonly node: { readonly root: unknown };
}

interface SynthesizingApp {
  synth(): { readonly directory: string };
}

/**
 * Synthesizes the app a stack belongs to and returns the assembly directory (a temporary directory
 * unless the App was given an `outdir`), for tests that load a stack in-process.
 */
export function synthesizeToAssembly(stack: StackLike): string {
  const app = stack.node.root as Partial<SynthesizingApp> | undefined;
  if (typeof app?.synth !== 'function') {
    throw new Error(
      'synthesizeToAssembly: the stack is not in an App (stack.node.root has no synth()); create it with `new Stack(new App(), ...)`',
    );
  }
  return app.synth().directory;
}
