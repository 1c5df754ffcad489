// "Bearer good" is allowed, any other bearer token denied (403); no token at all is Unauthorized (401).
exports.handler = async (event) => {
  const header = event.headers?.Authorization ?? event.headers?.authorization;
  if (!header?.startsWith('Bearer ')) throw new Error('Unauthorized');
  const resource = event.methodArn.split('/').slice(0, 2).join('/');
  return {
    principalId: 'consumer-user',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Action: 'execute-api:Invoke',
          Effect: header === 'Bearer good' ? 'Allow' : 'Deny',
          Resource: `${resource}/*`,
        },
      ],
    },
  };
};
