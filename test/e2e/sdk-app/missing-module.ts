/** Imports an SDK client that is installed nowhere: the runtime on AWS has it, the laptop does not. */
// @ts-expect-error: deliberately not installed
import { SFNClient } from '@aws-sdk/client-sfn';

export async function handler() {
  return { statusCode: 200, body: String(typeof SFNClient) };
}
