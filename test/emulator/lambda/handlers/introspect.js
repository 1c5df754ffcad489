/** Handlers that report what the function sees of its environment and context. */
exports.env = async (event) => Object.fromEntries(event.names.map((name) => [name, process.env[name] ?? null]));

exports.envKeys = async () => Object.keys(process.env).sort();

exports.context = async (_event, context) => ({
  awsRequestId: context.awsRequestId,
  functionName: context.functionName,
  functionVersion: context.functionVersion,
  invokedFunctionArn: context.invokedFunctionArn,
  memoryLimitInMB: context.memoryLimitInMB,
  logGroupName: context.logGroupName,
  logStreamName: context.logStreamName,
  remainingTimeInMillis: context.getRemainingTimeInMillis(),
  callbackWaitsForEmptyEventLoop: context.callbackWaitsForEmptyEventLoop,
});
