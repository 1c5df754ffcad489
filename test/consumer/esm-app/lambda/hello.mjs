export const handler = async (event) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ hello: event.requestContext.authorizer?.principalId ?? 'anonymous', path: event.path }),
});
