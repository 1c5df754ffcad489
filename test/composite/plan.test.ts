import { parseCompositePlan } from '../../lib/composite/plan';

const valid = {
  route: 'GET /x/{id}',
  members: [{ name: 'a', route: 'GET /a', method: 'GET', path: '/a', query: { q: '{id}', empty: '' } }],
  onMemberFailure: 'partial',
  memberTimeoutMs: 5000,
};

describe('reading the plan from the environment', () => {
  test('a plan written by the construct reads back unchanged', () => {
    expect(parseCompositePlan(JSON.stringify(valid))).toEqual(valid);
  });

  test.each([
    ['missing', undefined, /PORTICO_COMPOSITE_PLAN is not set/],
    ['not JSON', '{', /is not valid JSON/],
    ['without members', JSON.stringify({ ...valid, members: [] }), /members must be a non-empty array/],
    ['with an unknown policy', JSON.stringify({ ...valid, onMemberFailure: 'retry' }), /onMemberFailure/],
    ['with a zero timeout', JSON.stringify({ ...valid, memberTimeoutMs: 0 }), /memberTimeoutMs/],
    [
      'with a nameless member',
      JSON.stringify({ ...valid, members: [{ ...valid.members[0], name: '' }] }),
      /members\[0\]\.name/,
    ],
  ])('fails at cold start when the plan is %s', (_, json, message) => {
    expect(() => parseCompositePlan(json)).toThrow(message);
  });
});
