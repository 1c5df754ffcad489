import { contextPathOf, parseRequestTarget, stripStage } from '../../lib/emulator/request-target';

describe('parseRequestTarget', () => {
  test('splits the path from the raw query, both left encoded', () => {
    expect(parseRequestTarget('/v1/users/a%2Fb?x=1&y=%20')).toEqual({ path: '/v1/users/a%2Fb', rawQuery: 'x=1&y=%20' });
  });

  test('a target without a query has an empty raw query', () => {
    expect(parseRequestTarget('/v1/users')).toEqual({ path: '/v1/users', rawQuery: '' });
    expect(parseRequestTarget('/v1/users?')).toEqual({ path: '/v1/users', rawQuery: '' });
  });

  test('a fragment is dropped from the path and from the query', () => {
    expect(parseRequestTarget('/v1/a#frag?x=1')).toEqual({ path: '/v1/a', rawQuery: '' });
    expect(parseRequestTarget('/v1/a?x=1#frag')).toEqual({ path: '/v1/a', rawQuery: 'x=1' });
  });

  test('an absolute-form target keeps only its path and query', () => {
    expect(parseRequestTarget('http://localhost:3000/v1/users?x=1')).toEqual({ path: '/v1/users', rawQuery: 'x=1' });
    expect(parseRequestTarget('https://api.example.com')).toEqual({ path: '/', rawQuery: '' });
    expect(parseRequestTarget('https://api.example.com?x=1')).toEqual({ path: '/', rawQuery: 'x=1' });
  });

  test('a target not starting with "/" is malformed', () => {
    expect(parseRequestTarget('v1/users')).toBeUndefined();
    expect(parseRequestTarget('*')).toBeUndefined();
    expect(parseRequestTarget('example.com:443')).toBeUndefined();
    expect(parseRequestTarget('')).toBeUndefined();
  });

  test('a target holding control characters is malformed', () => {
    expect(parseRequestTarget('/v1/a\nb')).toBeUndefined();
    expect(parseRequestTarget('/v1/a\u0000')).toBeUndefined();
    expect(parseRequestTarget('/v1/a?x=\u007f')).toBeUndefined();
  });
});

describe('stripStage', () => {
  test('the first segment is the stage and the rest is the resource path', () => {
    expect(stripStage('/prod/users/42')).toEqual({ stage: 'prod', rest: '/users/42' });
  });

  test('a path of only the stage leaves the root', () => {
    expect(stripStage('/prod')).toEqual({ stage: 'prod', rest: '/' });
    expect(stripStage('/prod/')).toEqual({ stage: 'prod', rest: '/' });
  });

  test('slashes before the stage are skipped (docs/aws-behaviour.md, "REST paths")', () => {
    expect(stripStage('//stage/proxy-value')).toEqual({ stage: 'stage', rest: '/proxy-value' });
  });

  test('a double slash after the stage is kept in the rest (docs/aws-behaviour.md, "REST paths")', () => {
    expect(stripStage('/stage//proxy-value')).toEqual({ stage: 'stage', rest: '//proxy-value' });
  });

  test('the root has no stage', () => {
    expect(stripStage('/')).toEqual({ stage: '', rest: '/' });
  });
});

describe('contextPathOf', () => {
  test('is the whole request path with leading slashes collapsed and inner ones kept (docs/aws-behaviour.md, "REST paths")', () => {
    expect(contextPathOf('//stage/proxy-value?x=1')).toBe('/stage/proxy-value');
    expect(contextPathOf('/stage//proxy-value')).toBe('/stage//proxy-value');
    expect(contextPathOf('/stage/proxy-value/')).toBe('/stage/proxy-value/');
  });
});
