/** The Node.js twins of ../python/app.py, so one behavioural test runs against every path. */
const { threadId } = require('node:worker_threads');

exports.context_info = async (event, context) => {
  console.log('handling', event.name);
  return {
    event,
    requestId: context.awsRequestId,
    functionName: context.functionName,
    memoryLimitInMB: context.memoryLimitInMB,
    invokedFunctionArn: context.invokedFunctionArn,
    remaining: context.getRemainingTimeInMillis(),
    env: { GREETING: process.env.GREETING ?? null, TZ: process.env.TZ ?? null },
  };
};

class OrderNotFound extends Error {
  name = 'OrderNotFound';
}

exports.raises = async () => {
  throw new OrderNotFound('order 42 does not exist');
};

exports.spins = async () => {
  while (true) {}
};

/** Which execution environment ran the invocation: a process and, on the worker path, a thread. */
exports.pid = async (event) => {
  await new Promise((resolve) => setTimeout(resolve, (event.sleep ?? 0) * 1000));
  return `${process.pid}:${threadId}`;
};
