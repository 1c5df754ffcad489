import { checkMappingTemplateSize } from '../../../lib/core/checks/mapping-template-size';
import { checkMappingTemplateSyntax } from '../../../lib/core/checks/mapping-template-syntax';
import { checkMissingModel } from '../../../lib/core/checks/missing-model';
import { checkSelectionPatternRegex } from '../../../lib/core/checks/selection-pattern-regex';
import { checkUndeclaredMethodParameter } from '../../../lib/core/checks/undeclared-method-parameter';
import type { IntegrationMapping, IntegrationResponseSpec } from '../../../lib/core/transformation';
import { route, table } from './support';

const mapped = (
  requestTemplates: Record<string, string>,
  responses: IntegrationResponseSpec[] = [{ statusCode: '200', responseParameters: {}, responseTemplates: {} }],
) => {
  const mapping: IntegrationMapping = { requestTemplates, passthroughBehavior: 'WHEN_NO_MATCH', responses };
  return { kind: 'mock' as const, statusCode: 200, responseHeaders: {}, mapping };
};

describe('mapping-template-syntax', () => {
  it('accepts templates that parse and reports one that does not with its line and column', () => {
    expect(
      checkMappingTemplateSyntax(
        table([route('GET /ok', { integration: mapped({ 'application/json': '{"a": "$input.body"}' }) })]),
      ),
    ).toEqual([]);
    const [found] = checkMappingTemplateSyntax(
      table([route('GET /bad', { integration: mapped({ 'application/json': '{\n  #if($x\n}' }) })]),
    );
    expect(found).toMatchObject({ ruleId: 'mapping-template-syntax', level: 'error', route: 'GET /bad' });
    expect(found.message).toMatch(
      /^Route "GET \/bad": the request template for application\/json does not parse at line 2, column \d+/,
    );
  });
});

describe('mapping-template-size', () => {
  it('reports a template over 300 KB and accepts one at the limit', () => {
    const at = 'x'.repeat(300 * 1024);
    expect(checkMappingTemplateSize(table([route('GET /a', { integration: mapped({ 'text/plain': at }) })]))).toEqual(
      [],
    );
    const findings = checkMappingTemplateSize(
      table([route('GET /a', { integration: mapped({ 'text/plain': `${at}x` }) })]),
    );
    expect(findings[0].message).toContain("is 307201 bytes, over API Gateway's 300 KB limit");
  });
});

describe('selection-pattern-regex', () => {
  it('reports a selectionPattern that is not a regular expression', () => {
    const response = (selectionPattern: string): IntegrationResponseSpec => ({
      selectionPattern,
      statusCode: '404',
      responseParameters: {},
      responseTemplates: {},
    });
    expect(
      checkSelectionPatternRegex(
        table([route('GET /a', { integration: mapped({}, [response('.*\\[NotFound\\].*')]) })]),
      ),
    ).toEqual([]);
    const findings = checkSelectionPatternRegex(
      table([route('GET /a', { integration: mapped({}, [response('[NotFound')]) })]),
    );
    expect(findings[0]).toMatchObject({ ruleId: 'selection-pattern-regex', route: 'GET /a' });
  });
});

describe('undeclared-method-parameter', () => {
  it('reports mappings and required parameters naming a path parameter the route lacks', () => {
    const ok = route('GET /items/{id}', {
      requestParameters: { 'integration.request.path.id': 'method.request.path.id' },
    });
    expect(checkUndeclaredMethodParameter(table([ok]))).toEqual([]);
    const bad = route('GET /items', {
      requestParameters: { 'integration.request.header.x-id': 'method.request.path.id' },
      requestValidation: {
        validateRequestBody: false,
        validateRequestParameters: true,
        requiredParameters: ['method.request.path.itemId'],
        requestModels: {},
      },
    });
    const findings = checkUndeclaredMethodParameter(table([bad]));
    expect(findings.map((f) => f.message)).toEqual([
      'Route "GET /items": integration.request.header.x-id reads method.request.path.id, but the route has no path parameter {id} (it has none). Use one of its path parameters.',
      'Route "GET /items": a required parameter reads method.request.path.itemId, but the route has no path parameter {itemId} (it has none). Use one of its path parameters.',
    ]);
  });
});

describe('missing-model', () => {
  const validated = (model: string) =>
    route('POST /orders', {
      requestValidation: {
        validateRequestBody: true,
        validateRequestParameters: false,
        requiredParameters: [],
        requestModels: { 'application/json': model },
      },
    });
  it('accepts known models and built-in Empty, reports unknown ones and dangling $refs', () => {
    const models = { Order: { type: 'object', properties: { line: { $ref: '#/components/schemas/Line' } } } };
    expect(checkMissingModel(table([validated('Empty')]))).toEqual([]);
    const findings = checkMissingModel(table([validated('Orders')], { models }));
    expect(findings.map((f) => f.message)).toEqual([
      'Route "POST /orders": the application/json body model "Orders" is not a model of the API. Declare it.',
      'Model "Order": $ref "#/components/schemas/Line" names no model of the API. Add "Line" to the route\'s requestValidation.models.',
    ]);
  });
});
