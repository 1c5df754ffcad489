import { binaryMediaTypeMatcher, firstAcceptedType } from '../../../lib/emulator/backends/binary-media-types';

describe('binaryMediaTypes matching', () => {
  test('an exact type matches case-insensitively and ignores parameters', () => {
    const isBinary = binaryMediaTypeMatcher(['application/octet-stream']);
    expect(isBinary('Application/Octet-Stream; charset=binary')).toBe(true);
    expect(isBinary('application/json')).toBe(false);
    expect(isBinary(undefined)).toBe(false);
  });

  test('a subtype wildcard matches its whole family only', () => {
    const isBinary = binaryMediaTypeMatcher(['image/*']);
    expect(isBinary('image/png')).toBe(true);
    expect(isBinary('text/plain')).toBe(false);
  });

  test('*/* matches any type', () => {
    expect(binaryMediaTypeMatcher(['*/*'])('text/plain')).toBe(true);
  });

  test('the ~1 spelling of "/" from API Gateway patch paths is understood', () => {
    expect(binaryMediaTypeMatcher(['image~1png'])('image/png')).toBe(true);
  });

  test('an API without binaryMediaTypes treats nothing as binary', () => {
    expect(binaryMediaTypeMatcher([])('image/png')).toBe(false);
  });

  test('only the first type of an Accept list counts', () => {
    expect(firstAcceptedType('text/html, image/png')).toBe('text/html');
    expect(firstAcceptedType(undefined)).toBeUndefined();
  });
});
