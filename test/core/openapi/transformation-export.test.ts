import { exportOpenApi } from '../../../lib/core/openapi';
import { parseRouteKey } from '../../../lib/core/route-key';
import type { RouteSpec } from '../../../lib/core/route-table';
import { validateOpenApi } from './validate-openapi';

const validated: RouteSpec = {
  key: parseRouteKey('POST /orders'),
  authorization: { kind: 'none' },
  apiKeyRequired: false,
  integration: {
    kind: 'lambda',
    functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders',
    timeoutMs: 29000,
    mapping: {
      requestTemplates: { 'application/json': "$input.json('$')" },
      passthroughBehavior: 'NEVER',
      responses: [
        { statusCode: '201', responseParameters: {}, responseTemplates: {} },
        { selectionPattern: '.*Invalid.*', statusCode: '422', responseParameters: {}, responseTemplates: {} },
      ],
    },
  },
  requestParameters: {},
  requestValidation: {
    validateRequestBody: true,
    validateRequestParameters: true,
    requiredParameters: ['method.request.querystring.source'],
    requestModels: { 'application/json': 'NewOrder' },
  },
};

describe('the OpenAPI export mirrors request/response transformation', () => {
  const table = {
    routes: [validated],
    authorizers: [],
    apiKeySource: 'HEADER' as const,
    binaryMediaTypes: [],
    models: { NewOrder: { type: 'object', required: ['items'] } },
  };
  const exported = (awsExtensions: boolean) =>
    exportOpenApi([{ label: 'v1', table, servers: [{ url: 'https://api.example.com/v1' }] }], {
      title: 'shop',
      version: 'v1',
      awsExtensions,
    });

  it('publishes required parameters, the body model and the integration responses as method responses', () => {
    const document = exported(false);
    expect(document.paths['/orders'].post).toMatchObject({
      parameters: [{ name: 'source', in: 'query', required: true }],
      requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/NewOrder' } } } },
      responses: { '201': { description: '201 response' }, '422': { description: '422 response' } },
    });
    expect(document.components?.schemas?.NewOrder).toEqual({ type: 'object', required: ['items'] });
    expect(document['x-amazon-apigateway-request-validators']).toBeUndefined();
    expect(validateOpenApi(document)).toMatchObject({ valid: true });
  });

  it('keeps the validator and the non-proxy integration with the AWS extensions', () => {
    const document = exported(true);
    expect(document['x-amazon-apigateway-request-validators']).toEqual({
      'body-and-params': { validateRequestBody: true, validateRequestParameters: true },
    });
    expect(document.paths['/orders'].post).toMatchObject({
      'x-amazon-apigateway-request-validator': 'body-and-params',
      'x-amazon-apigateway-integration': { type: 'aws', passthroughBehavior: 'never' },
    });
  });
});
