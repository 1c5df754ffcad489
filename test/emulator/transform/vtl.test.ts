/**
 * Golden tests for mapping templates: AWS's documented examples and behaviour recorded on AWS, each citing
 * its source.
 */
import { inputVariable } from '../../../lib/emulator/transform/input-variable';
import { compileMappingTemplate, TemplateRuntimeError, templateSyntaxError } from '../../../lib/emulator/transform/vtl';

const params = { path: { petId: '7' }, querystring: { type: 'dog' }, header: { 'X-Trace': 't-1' } };
const render = (template: string, body: string, context: Record<string, unknown> = {}) =>
  compileMappingTemplate(template).render({
    input: inputVariable(body, params),
    context,
    stageVariables: { env: 'dev' },
  });

describe('mapping templates', () => {
  it('reshapes a list with #foreach and $foreach.hasNext (AWS docs: "Mapping template examples", photos example)', () => {
    const template = [
      "#set($inputRoot = $input.path('$'))",
      '{"photos": [',
      '#foreach($elem in $inputRoot.photos.photo)',
      '{"id": "$elem.id", "photographeremail": "$elem.ownername@example.com"}#if($foreach.hasNext),#end',
      '#end',
      ']}',
    ].join('\n');
    const body = JSON.stringify({
      photos: {
        page: 1,
        photo: [
          { id: '1', ownername: 'ann' },
          { id: '2', ownername: 'bo' },
        ],
      },
    });
    expect(JSON.parse(render(template, body))).toEqual({
      photos: [
        { id: '1', photographeremail: 'ann@example.com' },
        { id: '2', photographeremail: 'bo@example.com' },
      ],
    });
  });

  it('$input.json returns JSON text, $input.params looks in path, query, then headers (AWS docs: "API Gateway mapping template and access logging variable reference")', () => {
    const out = render(
      `{"body": $input.json('$'), "pets": $input.json('$.pets[*].name'), "id": "$input.params('petId')", "type": "$input.params('type')", "trace": "$input.params('X-Trace')", "env": "$stageVariables.env"}`,
      '{"pets": [{"name": "a"}, {"name": "b"}]}',
    );
    expect(JSON.parse(out)).toEqual({
      body: { pets: [{ name: 'a' }, { name: 'b' }] },
      pets: ['a', 'b'],
      id: '7',
      type: 'dog',
      trace: 't-1',
      env: 'dev',
    });
  });

  it('prints maps as Java does and lists as JSON (recorded on AWS: LocalStack test_input_path_template_formatting)', () => {
    expect(render(`$input.path('$.d')`, '{"d": {"bigger": "dict", "to": "test", "with": "separators"}}')).toBe(
      '{bigger=dict, to=test, with=separators}',
    );
    expect(render(`$input.path('$.l')`, '{"l": [{"foo": "bar"}]}')).toBe('[{"foo":"bar"}]');
  });

  it('renders a missing or null reference as empty text (recorded on AWS)', () => {
    expect(
      render(`#set($r = $input.path('$.nonExisting'))"body": $r, "n": $r.nested|$input.path('$.z')`, '{"z": null}'),
    ).toBe('"body": , "n": |');
  });

  it("$util matches Java: escapeJavaScript quotes ', urlEncode uses + (recorded on AWS: test_input_body_formatting)", () => {
    expect(render(`$util.escapeJavaScript($input.body)`, `it's "x"/\n`)).toBe(`it\\'s \\"x\\"\\/\\n`);
    expect(render(`$util.escapeJavaScript($input.body).replaceAll("\\\\'","'")`, `it's`)).toBe(`it's`);
    expect(render(`$util.urlEncode($input.body)`, '{"some": "value"}')).toBe('%7B%22some%22%3A+%22value%22%7D');
    expect(render(`$util.urlDecode('a+b%21')|$util.base64Encode('hi')|$util.base64Decode('aGk=')`, '')).toBe(
      'a b!|aGk=|hi',
    );
    expect(render(`#set($o = $util.parseJson($input.path('$.s')))$o.k`, '{"s": "{\\"k\\": 5}"}')).toBe('5');
  });

  it('writes $context.responseOverride and requestOverride (AWS docs: "Override your API\'s request and response parameters and status codes")', () => {
    const context = { responseOverride: { header: {} as Record<string, unknown> }, requestOverride: { header: {} } };
    render(
      '#set($context.responseOverride.status = 444)#set($context.responseOverride.header.foo = "bar")',
      '',
      context,
    );
    expect(context.responseOverride).toEqual({ status: 444, header: { foo: 'bar' } });
  });

  it('refuses #foreach over more than 1,000 items and templates over 300 KB (AWS docs: "Amazon API Gateway important notes")', () => {
    const list = JSON.stringify({ l: Array.from({ length: 1001 }, (_, i) => i) });
    expect(() => render(`#foreach($i in $input.path('$.l'))$i#end`, list)).toThrow(TemplateRuntimeError);
    expect(render(`#foreach($i in $input.path('$.l'))#end ok`, JSON.stringify({ l: Array(1000).fill(0) }))).toBe(' ok');
    expect(() => compileMappingTemplate('x'.repeat(300 * 1024 + 1))).toThrow(/300 KB/);
  });

  it('reports where a template does not parse', () => {
    expect(templateSyntaxError('{\n  "a": #if($x\n}')).toMatchObject({ line: 2 });
    expect(templateSyntaxError('{"ok": true}')).toBeUndefined();
  });
});
